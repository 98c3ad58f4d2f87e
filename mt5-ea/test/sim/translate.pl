#!/usr/bin/env perl
# translate.pl -- what MQL5 accepts and C++ does not, rewritten so that g++ compiles the EA as it is:
#   `#property ...`           -> a comment
#   `T name[]` / `T &name[]`  -> `MqlArray<T> name` / `MqlArray<T> &name` (MQL5 dynamic arrays, sim/terminal.h)
#   (--prototypes, for the .mq5) functions used before their definition (MQL5 needs no prototypes) -> prototypes of every top-level
#     function, put on the line of the first definition so that line numbers stay those of the source
# Everything else passes through unchanged.
use strict;
use warnings;
my $prototypes = (@ARGV && $ARGV[0] eq "--prototypes");
my @lines = <STDIN>;
my (@protos, $first);
for my $i (0 .. $#lines) {
  my $l = $lines[$i];
  if ($l =~ /^\s*#property\b/) { $lines[$i] = "// $l"; next; }
  next if $l =~ m{^\s*//};
  $l =~ s/\b([A-Za-z_]\w*)(\s+)(&?)([A-Za-z_]\w*)\[\]/MqlArray<$1>$2$3$4/g;
  $lines[$i] = $l;
  # a top-level function definition: `type Name(params)` at column 0, its body on the same or next line
  if ($prototypes && $l =~ /^([A-Za-z_][\w<>]*)\s+([A-Za-z_]\w*)\(([^;{}]*)\)\s*(\{|$)/ && $1 ne 'return' && $1 ne 'else') {
    push @protos, "$1 $2($3);";
    $first //= $i;
  }
}
$lines[$first] = join(' ', @protos) . ' ' . $lines[$first] if defined $first;
print @lines;
