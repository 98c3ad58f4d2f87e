#!/usr/bin/env bash
# Installs the built system under a prefix:
#   ops/install.sh PREFIX          (builds first when ops/target has no build; BUILD=1 forces a build)
# PREFIX/lib          every JAR the host, gateway and UI run on
# PREFIX/plugins      the bundled plugin JARs (a new account's plugin folder starts as a copy of them)
# PREFIX/bin/vpt-run  starts one process from the config: vpt-run host ACCOUNT | gateway | ui
# PREFIX/etc/vproptrader.conf   every setting with its default (docs/config-reference.md); an existing one is
#                     kept and the new defaults are written beside it as vproptrader.conf.new
# PREFIX/var          journals, state, per-account plugin folders (one subfolder per account)
# PREFIX/lib/systemd/system     the units of ops/systemd/ pointing at PREFIX (link or copy them to
#                     /etc/systemd/system; they run as user vproptrader, which must own PREFIX/var)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: ops/install.sh PREFIX}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)

if [[ ! -d ops/target/lib || ! -d ops/target/plugins || ! -d ops/target/classes || -n ${BUILD:-} ]]; then
  echo "install: building (mvn package, tests skipped) ..."
  mvn -B -q -ntp -pl ops -am package -DskipTests
fi

mkdir -p "$prefix"/{bin,lib,plugins,etc,var,lib/systemd/system}
rm -f "$prefix"/lib/*.jar
cp ops/target/lib/*.jar "$prefix/lib/"
cp ops/target/plugins/*.jar "$prefix/plugins/"
install -m 0755 ops/bin/vpt-run ops/bin/vpt-cpu-latency "$prefix/bin/"

conf="$prefix/etc/vproptrader.conf"
target=$conf
[[ -e $conf ]] && target=$conf.new
java -cp "ops/target/classes:ops/target/lib/*" com.vproptrader.ops.install.ConfigFile --prefix "$prefix" > "$target"
[[ $target == "$conf" ]] || echo "install: kept $conf; the current defaults are in $target"

for unit in ops/systemd/*.service; do
  sed "s#@PREFIX@#$prefix#g" "$unit" > "$prefix/lib/systemd/system/$(basename "$unit")"
done
echo "installed under $prefix: $(ls "$prefix/lib" | wc -l) JARs, $(ls "$prefix/plugins" | wc -l) plugins, units in $prefix/lib/systemd/system"
[[ -e $prefix/etc/ui-users.txt ]] || echo "install: the UI starts once it has a login: java -cp \"$prefix/lib/*\" com.vproptrader.ui.auth.UsersMain add --file $prefix/etc/ui-users.txt --role operator NAME"
