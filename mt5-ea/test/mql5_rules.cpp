// mql5_rules.cpp -- the MQL5 rules check: what g++ accepts in the EA's sources but MetaEditor rejects.
//
// g++ compiles the .mqh files through shim.h, so C++-only constructs would pass the harness and fail in
// MetaEditor. This tool reads the sources as MQL5 text and reports, file:line [rule] message:
//   ref-temp   a function result or an expression bound to a reference parameter (MQL5: "parameter passed
//              as reference, variable expected"); checked against the sources' own declarations and the
//              allow-list's reference parameters
//   auto       the `auto` keyword
//   std        `std::` (no standard library in MQL5)
//   exceptions try / catch / throw / noexcept
//   template   templates beyond MQL5's (only `template<typename T, ...>` / `class T`: no specialisation, no
//              non-type or variadic parameters)
//   reference  references to arrays `T (&a)[N]` and reference variables (MQL5 has reference parameters only)
//   pointer    `->`, `nullptr`, pointers to built-in types, unary `*` (pointer arithmetic and dereference)
//   api        a call that is neither declared in the sources nor in the allow-list of real MQL5 functions
//              (mql5_api.txt), or a call whose argument count fits none of the allow-list's signatures
//
//   mql5_rules API_LIST FILE...             check the files, exit 1 on any finding
//   mql5_rules --expect API_LIST FILE...    self-test: each file marks the lines that must be reported with
//                                           `// expect: rule[,rule]`; exit 1 unless exactly those are found
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Tok { std::string s; int line; char kind; };  // kind: i ident, n number, s string/char, p punct

struct Param { bool ref = false, isConst = false, hasDefault = false, varargs = false; };
struct Sig { std::vector<Param> params; int minArgs = 0; bool varargs = false; };

struct Finding { std::string file; int line; std::string rule, msg; };

const std::set<std::string> kKeywords = {
    "if", "while", "for", "switch", "return", "sizeof", "else", "case", "new", "delete", "do",
    "operator", "typename", "template", "class", "struct", "enum", "const", "static", "input",
    "sinput", "virtual", "public", "private", "protected", "void", "try", "catch", "throw"};
const std::set<std::string> kBuiltinTypes = {
    "bool", "char", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "float", "double",
    "string", "datetime", "color", "void"};

std::vector<Tok> lex(const std::string &src, std::set<std::string> &macros) {
  std::vector<Tok> out;
  int line = 1;
  size_t i = 0, n = src.size();
  bool lineStart = true;
  static const char *multi[] = {"...", "->", "::", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=",
                                "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>"};
  while (i < n) {
    char c = src[i];
    if (c == '\n') { line++; i++; lineStart = true; continue; }
    if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
    if (c == '/' && i + 1 < n && src[i + 1] == '/') { while (i < n && src[i] != '\n') i++; continue; }
    if (c == '/' && i + 1 < n && src[i + 1] == '*') {
      i += 2;
      while (i + 1 < n && !(src[i] == '*' && src[i + 1] == '/')) { if (src[i] == '\n') line++; i++; }
      i += 2;
      continue;
    }
    if (c == '#' && lineStart) {  // preprocessor line (with continuations): remember #define names
      size_t start = i;
      while (i < n && (src[i] != '\n' || src[i - 1] == '\\')) { if (src[i] == '\n') line++; i++; }
      std::istringstream d(src.substr(start + 1, i - start - 1));
      std::string word, name;
      d >> word;
      if (word == "define" && d >> name) macros.insert(name.substr(0, name.find('(')));
      continue;
    }
    lineStart = false;
    if (std::isalpha((unsigned char)c) || c == '_') {
      size_t s = i;
      while (i < n && (std::isalnum((unsigned char)src[i]) || src[i] == '_')) i++;
      out.push_back({src.substr(s, i - s), line, 'i'});
      continue;
    }
    if (std::isdigit((unsigned char)c) || (c == '.' && i + 1 < n && std::isdigit((unsigned char)src[i + 1]))) {
      size_t s = i;
      while (i < n && (std::isalnum((unsigned char)src[i]) || src[i] == '.' ||
                       ((src[i] == '-' || src[i] == '+') && (src[i - 1] == 'e' || src[i - 1] == 'E'))))
        i++;
      out.push_back({src.substr(s, i - s), line, 'n'});
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t s = i++;
      while (i < n && src[i] != c) { if (src[i] == '\\') i++; i++; }
      i++;
      out.push_back({src.substr(s, i - s), line, 's'});
      continue;
    }
    std::string p(1, c);
    for (const char *m : multi)
      if (src.compare(i, std::strlen(m), m) == 0) { p = m; break; }
    i += p.size();
    out.push_back({p, line, 'p'});
  }
  return out;
}

size_t matching(const std::vector<Tok> &t, size_t open) {  // index of the bracket closing t[open]
  const std::string o = t[open].s, c = o == "(" ? ")" : o == "[" ? "]" : o == "{" ? "}" : ">";
  int depth = 0;
  for (size_t k = open; k < t.size(); k++) {
    if (t[k].s == o) depth++;
    else if (t[k].s == c && --depth == 0) return k;
  }
  return t.size() - 1;
}

// top-level comma-separated ranges [from, to) inside the brackets at open..close
std::vector<std::pair<size_t, size_t>> split(const std::vector<Tok> &t, size_t open, size_t close) {
  std::vector<std::pair<size_t, size_t>> parts;
  if (close == open + 1) return parts;
  int depth = 0;
  size_t start = open + 1;
  for (size_t k = open + 1; k < close; k++) {
    const std::string &s = t[k].s;
    if (s == "(" || s == "[" || s == "{") depth++;
    else if (s == ")" || s == "]" || s == "}") depth--;
    else if (s == "," && depth == 0) { parts.push_back({start, k}); start = k + 1; }
  }
  parts.push_back({start, close});
  return parts;
}

Sig signature(const std::vector<Tok> &t, size_t open, size_t close) {
  Sig sig;
  for (auto [a, b] : split(t, open, close)) {
    Param p;
    for (size_t k = a; k < b; k++) {
      if (t[k].s == "&") p.ref = true;
      if (t[k].s == "const") p.isConst = true;
      if (t[k].s == "=") p.hasDefault = true;
      if (t[k].s == "...") p.varargs = sig.varargs = true;
    }
    if (b == a + 1 && t[a].s == "void") continue;
    if (!p.varargs) sig.params.push_back(p);
  }
  for (const Param &p : sig.params) if (!p.hasDefault) sig.minArgs++;
  return sig;
}

// an argument MQL5 can bind to a reference: a variable, a member, an element (a literal only if const)
bool bindable(const std::vector<Tok> &t, size_t a, size_t b, bool isConst) {
  if (b == a + 1 && (t[a].kind == 's' || t[a].kind == 'n')) return isConst;
  if (b == a + 2 && t[a].s == "-" && t[a + 1].kind == 'n') return isConst;
  size_t k = a;
  if (k >= b || t[k].kind != 'i') return false;
  k++;
  while (k < b) {
    if (t[k].s == "[") { k = matching(t, k) + 1; continue; }
    if (t[k].s == "." && k + 1 < b && t[k + 1].kind == 'i') { k += 2; continue; }
    return false;
  }
  return true;
}

struct Checker {
  std::map<std::string, std::vector<Sig>> api;           // "Name" or "Class::Name"
  std::set<std::string> apiClasses, apiNames;            // library classes; constants/types used as calls
  std::map<std::string, std::vector<Sig>> user;          // functions and methods declared in the sources
  std::set<std::string> userTypes, macros;
  std::map<std::string, std::string> libObjects;         // variable -> library class
  std::map<std::string, std::string> userObjects;        // variable/member -> class declared in the sources
  std::vector<std::string> classAt;                      // per token: the class whose body it is in
  std::vector<Finding> findings;

  void loadApi(const std::string &path) {
    std::ifstream in(path);
    std::string ln;
    std::set<std::string> none;
    while (std::getline(in, ln)) {
      if (ln.empty() || ln[0] == '#') continue;
      std::vector<Tok> t = lex(ln, none);
      size_t open = 0;
      while (open < t.size() && t[open].s != "(") open++;
      if (open == t.size() || open == 0) continue;
      std::string name = t[open - 1].s;
      if (open >= 3 && t[open - 2].s == "::") { name = t[open - 3].s + "::" + name; apiClasses.insert(t[open - 3].s); }
      api[name].push_back(signature(t, open, matching(t, open)));
    }
  }

  void add(const std::string &file, int line, const std::string &rule, const std::string &msg) {
    findings.push_back({file, line, rule, msg});
  }

  bool declarationAt(const std::vector<Tok> &t, size_t nameIdx, size_t close) {
    size_t after = close + 1;
    bool bodyOrProto = after < t.size() && (t[after].s == "{" || t[after].s == ";" || t[after].s == "const" || t[after].s == ":");
    if (!bodyOrProto || nameIdx == 0) return false;
    const Tok &prev = t[nameIdx - 1];
    if (prev.s == "::" || prev.s == "~") return true;
    if (prev.kind == 'i' && !kKeywords.count(prev.s)) return true;
    if (prev.s == "void") return true;
    if ((prev.s == "&" || prev.s == "*") && nameIdx >= 2 && t[nameIdx - 2].kind == 'i') return true;
    if (userTypes.count(t[nameIdx].s) && (prev.s == "{" || prev.s == ";" || prev.s == ":" || prev.s == "}")) return true;
    return false;
  }

  // which class body each token is in ("" outside classes)
  std::vector<std::string> scopes(const std::vector<Tok> &t) {
    std::vector<std::string> at(t.size());
    std::vector<std::pair<std::string, int>> open;  // class, brace depth of its body
    int depth = 0;
    std::string pending;
    for (size_t k = 0; k < t.size(); k++) {
      if ((t[k].s == "class" || t[k].s == "struct") && k + 1 < t.size() && t[k + 1].kind == 'i') pending = t[k + 1].s;
      if (t[k].s == ";") pending.clear();
      if (t[k].s == "{") { depth++; if (!pending.empty()) { open.push_back({pending, depth}); pending.clear(); } }
      at[k] = open.empty() ? "" : open.back().first;
      if (t[k].s == "}") { if (!open.empty() && open.back().second == depth) open.pop_back(); depth--; }
    }
    return at;
  }

  void collect(const std::vector<Tok> &t) {
    for (size_t k = 0; k + 1 < t.size(); k++) {
      if ((t[k].s == "class" || t[k].s == "struct" || t[k].s == "enum") && t[k + 1].kind == 'i') userTypes.insert(t[k + 1].s);
      if (t[k].s == "typedef" && k + 2 < t.size()) userTypes.insert(t[k + 2].s);
    }
    std::vector<std::string> cls = scopes(t);
    for (size_t k = 1; k + 1 < t.size(); k++) {
      if (t[k].kind == 'i' && t[k + 1].s == "(") {
        size_t close = matching(t, k + 1);
        if (declarationAt(t, k, close)) {
          Sig sig = signature(t, k + 1, close);
          user[t[k].s].push_back(sig);
          if (t[k - 1].s == "::" && k >= 2) user[t[k - 2].s + "::" + t[k].s].push_back(sig);
          else if (!cls[k].empty()) user[cls[k] + "::" + t[k].s].push_back(sig);
        }
      }
      if (t[k].kind == 'i' && apiClasses.count(t[k].s) && t[k + 1].kind == 'i') libObjects[t[k + 1].s] = t[k].s;
      if (t[k].kind == 'i' && userTypes.count(t[k].s) && t[k + 1].kind == 'i') userObjects[t[k + 1].s] = t[k].s;
    }
  }

  void checkCall(const std::string &file, const std::vector<Tok> &t, size_t nameIdx) {
    const std::string &name = t[nameIdx].s;
    size_t open = nameIdx + 1, close = matching(t, open);
    auto args = split(t, open, close);
    const Tok &prev = t[nameIdx - 1];
    std::string key = name;
    bool member = prev.s == "." || (prev.s == "::" && nameIdx >= 2 && t[nameIdx - 2].kind == 'i');
    if (prev.s == "." && nameIdx >= 2 && libObjects.count(t[nameIdx - 2].s)) key = libObjects[t[nameIdx - 2].s] + "::" + name;
    std::string own;  // the same class's method, when the sources declare it
    if (prev.s == "." && nameIdx >= 2 && userObjects.count(t[nameIdx - 2].s)) own = userObjects[t[nameIdx - 2].s] + "::" + name;
    if (!member && !classAt[nameIdx].empty()) own = classAt[nameIdx] + "::" + name;
    const std::vector<Sig> *sigs = nullptr;
    bool fromApi = false;
    if (key != name) { if (api.count(key)) { sigs = &api[key]; fromApi = true; } }
    else if (!own.empty() && user.count(own)) sigs = &user[own];
    else if (user.count(name)) sigs = &user[name];
    else if (!member && api.count(name)) { sigs = &api[name]; fromApi = true; }
    if (!sigs) {
      if (userTypes.count(name) || macros.count(name) || kBuiltinTypes.count(name) || apiNames.count(name)) return;
      add(file, t[nameIdx].line, "api", (member ? "method '" : "'") + key + "' is neither declared in the sources nor a known MQL5 function");
      return;
    }
    std::vector<const Sig *> fit;
    for (const Sig &s : *sigs)
      if ((int)args.size() >= s.minArgs && ((int)args.size() <= (int)s.params.size() || s.varargs)) fit.push_back(&s);
    if (fit.empty()) {
      if (fromApi) add(file, t[nameIdx].line, "api", "'" + key + "' called with " + std::to_string(args.size()) + " arguments: no MQL5 signature takes that many");
      return;
    }
    for (size_t a = 0; a < args.size(); a++) {
      // overloads are not resolved by type (nor methods by class): any fitting one taking a reference counts
      bool anyRef = false, allConst = true;
      for (const Sig *s : fit)
        if (a < s->params.size() && s->params[a].ref) { anyRef = true; allConst = allConst && s->params[a].isConst; }
      if (anyRef && !bindable(t, args[a].first, args[a].second, allConst))
        add(file, t[args[a].first].line, "ref-temp", "argument " + std::to_string(a + 1) + " of '" + key +
            "' is a reference parameter: pass a variable, not a function result or an expression");
    }
  }

  void check(const std::string &file, const std::vector<Tok> &t) {
    std::set<std::string> pointers;
    classAt = scopes(t);
    for (size_t k = 0; k < t.size(); k++) {
      const Tok &x = t[k];
      const std::string next = k + 1 < t.size() ? t[k + 1].s : "";
      const std::string prev = k > 0 ? t[k - 1].s : "";
      if (x.kind == 'i' && x.s == "auto") add(file, x.line, "auto", "'auto' is not MQL5: name the type");
      if (x.kind == 'i' && x.s == "std" && next == "::") add(file, x.line, "std", "'std::' is not MQL5: there is no standard library");
      if (x.kind == 'i' && (x.s == "try" || x.s == "catch" || x.s == "throw" || x.s == "noexcept"))
        add(file, x.line, "exceptions", "'" + x.s + "': MQL5 has no exceptions");
      if (x.s == "template" && next == "<") {
        size_t close = matching(t, k + 1);
        auto parts = split(t, k + 1, close);
        bool ok = !parts.empty();
        for (auto [a, b] : parts)
          ok = ok && b == a + 2 && (t[a].s == "typename" || t[a].s == "class") && t[a + 1].kind == 'i';
        if (!ok) add(file, x.line, "template", "MQL5 templates take only 'typename T' parameters: no specialisation, non-type or variadic parameters");
      }
      if (x.s == "(" && next == "&" && k + 4 < t.size() && t[k + 2].kind == 'i' && t[k + 3].s == ")" && t[k + 4].s == "[")
        add(file, x.line, "reference", "reference to an array: MQL5 passes arrays as 'T &name[]'");
      if (x.s == "&" && k > 0 && t[k - 1].kind == 'i' && !kKeywords.count(t[k - 1].s) && k + 2 < t.size() &&
          t[k + 1].kind == 'i' && t[k + 2].s == "=" && (k < 2 || t[k - 2].s != "(") && (k < 2 || t[k - 2].s != ","))
        add(file, x.line, "reference", "reference variable: MQL5 has reference parameters only");
      if (x.s == "->") add(file, x.line, "pointer", "'->' is not MQL5: object pointers use '.'");
      if (x.s == "nullptr") add(file, x.line, "pointer", "'nullptr' is not MQL5: use NULL");
      if (x.s == "*" && k > 0 && kBuiltinTypes.count(t[k - 1].s) && k + 1 < t.size() && t[k + 1].kind == 'i') {
        add(file, x.line, "pointer", "pointer to a built-in type: MQL5 has object pointers only");
        pointers.insert(t[k + 1].s);
      }
      if (x.s == "*" && k + 1 < t.size() && (t[k + 1].kind == 'i' || t[k + 1].s == "(") &&
          (k == 0 || prev == "(" || prev == "=" || prev == "," || prev == "return" || prev == "{" || prev == ";" ||
           prev == "+" || prev == "-" || prev == "!" || prev == "==" || prev == "[") && !kBuiltinTypes.count(prev))
        add(file, x.line, "pointer", "unary '*' (dereference): MQL5 has no pointer dereference");
      if (x.kind == 'i' && pointers.count(x.s) && (next == "+" || next == "-" || next == "++" || next == "--" || next == "+=" || next == "-="))
        add(file, x.line, "pointer", "pointer arithmetic is not MQL5");
      if (x.kind == 'i' && next == "(" && !kKeywords.count(x.s) && k > 0) {
        size_t close = matching(t, k + 1);
        if (!declarationAt(t, k, close) && x.s != "template") checkCall(file, t, k);
      }
    }
  }
};

bool readText(const std::string &path, std::string &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char **argv) {
  int a = 1;
  bool expectMode = argc > 1 && std::string(argv[1]) == "--expect";
  if (expectMode) a++;
  if (argc - a < 2) {
    std::fprintf(stderr, "usage: mql5_rules [--expect] API_LIST FILE...\n");
    return 2;
  }
  Checker c;
  c.loadApi(argv[a++]);
  if (c.api.empty()) { std::fprintf(stderr, "mql5_rules: empty or missing allow-list\n"); return 2; }
  std::vector<std::string> files(argv + a, argv + argc);
  std::vector<std::string> texts(files.size());
  std::vector<std::vector<Tok>> toks(files.size());
  for (size_t f = 0; f < files.size(); f++) {
    if (!readText(files[f], texts[f])) { std::fprintf(stderr, "mql5_rules: cannot read %s\n", files[f].c_str()); return 2; }
    toks[f] = lex(texts[f], c.macros);
  }
  for (auto &t : toks) c.collect(t);  // all files share one program (the .mq5 includes every .mqh)
  for (size_t f = 0; f < files.size(); f++) c.check(files[f], toks[f]);

  if (!expectMode) {
    for (const Finding &x : c.findings) std::printf("%s:%d: [%s] %s\n", x.file.c_str(), x.line, x.rule.c_str(), x.msg.c_str());
    std::printf("mql5 rules: %zu files, %zu allow-listed MQL5 signatures, %zu findings\n", files.size(), c.api.size(), c.findings.size());
    return c.findings.empty() ? 0 : 1;
  }
  // self-test: the reported (file, line, rule) set must equal the marked one
  std::multiset<std::string> want, got;
  for (size_t f = 0; f < files.size(); f++) {
    std::istringstream in(texts[f]);
    std::string ln;
    for (int line = 1; std::getline(in, ln); line++) {
      size_t p = ln.find("// expect: ");
      if (p == std::string::npos) continue;
      std::istringstream rules(ln.substr(p + 11));
      std::string r;
      while (std::getline(rules, r, ',')) {
        while (!r.empty() && (r.back() == ' ' || r.back() == '\r')) r.pop_back();
        want.insert(files[f] + ":" + std::to_string(line) + " " + r);
      }
    }
  }
  for (const Finding &x : c.findings) got.insert(x.file + ":" + std::to_string(x.line) + " " + x.rule);
  int bad = 0;
  for (const std::string &w : std::set<std::string>(want.begin(), want.end()))
    if (got.count(w) < want.count(w)) { std::printf("MISSED   %s\n", w.c_str()); bad++; }
  for (const Finding &x : c.findings) {
    std::string k = x.file + ":" + std::to_string(x.line) + " " + x.rule;
    if (got.count(k) > want.count(k)) {
      std::printf("UNWANTED %s:%d [%s] %s\n", x.file.c_str(), x.line, x.rule.c_str(), x.msg.c_str());
      bad++;
    }
  }
  std::printf("mql5 rules self-test: %zu expected findings, %zu reported, %d mismatches\n", want.size(), c.findings.size(), bad);
  return bad == 0 ? 0 : 1;
}
