//+------------------------------------------------------------------+
//| Json.mqh -- a small JSON reader and writer for frames and config  |
//+------------------------------------------------------------------+
// Written in the MQL5 subset that is also C++17 (see test/shim.h): no pointers, no STL, fixed arrays.
// Reader: parses one document into a flat node table (index links instead of pointers). Nodes keep
// the raw text of numbers so 64-bit integers (times in ms, tickets) are read exactly, and both numbers
// and numeric strings are accepted (proto3 JSON writes int64 as strings). Keys are looked up linearly:
// frames have a few dozen fields, so this is cheaper than any hashing here.
// Writer: appends to a string with comma bookkeeping per nesting level; numbers are written in the
// shortest fixed form that survives a round trip for prices/volumes/money (up to 10 decimals).
#ifndef VPT_JSON_MQH
#define VPT_JSON_MQH

#define JSON_MAX_NODES 4096
#define JSON_MAX_DEPTH 32

enum ENUM_JSON_TYPE
  {
   JSON_NULL = 0,
   JSON_BOOL = 1,
   JSON_NUMBER = 2,
   JSON_STRING = 3,
   JSON_ARRAY = 4,
   JSON_OBJECT = 5
  };

struct JsonNode
  {
   int               type;
   string            key;     // member name when the parent is an object
   string            text;    // string value (unescaped) or the raw number / true / false text
   double            num;
   bool              flag;
   int               first;   // first child, -1 if none
   int               last;    // last child
   int               next;    // next sibling, -1 if none
   int               count;   // number of children
   int               start;   // offset of the value in the source text
   int               end;     // offset just past the value
  };

//--- a JSON number. The exponent is applied here rather than trusted to StringToDouble (Java writes
//--- 1.0E-5 for a tick size); dividing by an exact power of ten keeps such values correctly rounded.
double JsonTextToDouble(const string &s)
  {
   int e = StringFind(s, "e");
   if(e < 0)
      e = StringFind(s, "E");
   if(e < 0)
      return StringToDouble(s);
   double mantissa = StringToDouble(StringSubstr(s, 0, e));
   string ex = StringSubstr(s, e + 1);
   if(StringLen(ex) > 0 && StringGetCharacter(ex, 0) == '+')
      ex = StringSubstr(ex, 1);
   long p = StringToInteger(ex);
   if(p > 308 || p < -330)
      return p > 0 ? mantissa * MathPow(10.0, 308) * 10.0 : 0.0;
   if(p >= 0)
      return mantissa * MathPow(10.0, (double)p);
   if(p >= -22)
      return mantissa / MathPow(10.0, (double)(-p));
   return mantissa * MathPow(10.0, (double)p);
  }

class CJsonDoc
  {
public:
   JsonNode          m_nodes[JSON_MAX_NODES];
   int               m_count;
   string            m_src;
   int               m_pos;
   int               m_len;
   string            m_error;

                     CJsonDoc() { m_count = 0; m_pos = 0; m_len = 0; m_error = ""; }

   //--- parse a whole document; false with Error() on bad input (trailing garbage included)
   bool              Parse(const string &text)
     {
      m_src = text;
      m_len = StringLen(text);
      m_pos = 0;
      m_count = 0;
      m_error = "";
      SkipWs();
      int root = ParseValue("", 0);
      if(root < 0)
         return false;
      SkipWs();
      if(m_pos != m_len)
         return Fail("trailing characters");
      return true;
     }
   string            Error() const { return m_error; }
   int               Root() const { return m_count > 0 ? 0 : -1; }
   int               Type(int n) const { return (n >= 0 && n < m_count) ? m_nodes[n].type : -1; }
   int               Count(int n) const { return (n >= 0 && n < m_count) ? m_nodes[n].count : 0; }
   string            Key(int n) const { return (n >= 0 && n < m_count) ? m_nodes[n].key : ""; }
   int               First(int n) const { return (n >= 0 && n < m_count) ? m_nodes[n].first : -1; }
   int               Next(int n) const { return (n >= 0 && n < m_count) ? m_nodes[n].next : -1; }
   //--- the source text of a value (e.g. an embedded object kept as JSON)
   string            Raw(int n) const
     {
      if(n < 0 || n >= m_count)
         return "";
      return StringSubstr(m_src, m_nodes[n].start, m_nodes[n].end - m_nodes[n].start);
     }

   //--- member of an object by name, -1 when absent (or when obj is not an object)
   int               Find(int obj, const string key) const
     {
      if(Type(obj) != JSON_OBJECT)
         return -1;
      for(int c = m_nodes[obj].first; c >= 0; c = m_nodes[c].next)
         if(m_nodes[c].key == key)
            return c;
      return -1;
     }
   //--- element of an array by position
   int               At(int arr, int index) const
     {
      if(Type(arr) != JSON_ARRAY && Type(arr) != JSON_OBJECT)
         return -1;
      int i = 0;
      for(int c = m_nodes[arr].first; c >= 0; c = m_nodes[c].next)
        {
         if(i == index)
            return c;
         i++;
        }
      return -1;
     }
   bool              Has(int obj, const string key) const { return Find(obj, key) >= 0; }

   //--- typed readers of a node; numbers also accepted from numeric strings
   double            NodeDouble(int n, double def) const
     {
      int t = Type(n);
      if(t == JSON_NUMBER)
         return m_nodes[n].num;
      if(t == JSON_STRING && IsNumberText(m_nodes[n].text))
         return JsonTextToDouble(m_nodes[n].text);
      return def;
     }
   long              NodeLong(int n, long def) const
     {
      int t = Type(n);
      if(t != JSON_NUMBER && !(t == JSON_STRING && IsNumberText(m_nodes[n].text)))
         return def;
      string s = m_nodes[n].text;
      if(StringFind(s, ".") >= 0 || StringFind(s, "e") >= 0 || StringFind(s, "E") >= 0)
         return (long)MathRound(JsonTextToDouble(s));
      return StringToInteger(s);
     }
   string            NodeString(int n, const string def) const
     {
      int t = Type(n);
      if(t == JSON_STRING || t == JSON_NUMBER)
         return m_nodes[n].text;
      if(t == JSON_BOOL)
         return m_nodes[n].flag ? "true" : "false";
      return def;
     }
   bool              NodeBool(int n, bool def) const
     {
      int t = Type(n);
      if(t == JSON_BOOL)
         return m_nodes[n].flag;
      if(t == JSON_NUMBER)
         return m_nodes[n].num != 0.0;
      if(t == JSON_STRING)
         return m_nodes[n].text == "true";
      return def;
     }

   double            GetDouble(int obj, const string key, double def) const { return NodeDouble(Find(obj, key), def); }
   long              GetLong(int obj, const string key, long def) const { return NodeLong(Find(obj, key), def); }
   int               GetInt(int obj, const string key, int def) const { return (int)NodeLong(Find(obj, key), def); }
   string            GetString(int obj, const string key, const string def) const { return NodeString(Find(obj, key), def); }
   bool              GetBool(int obj, const string key, bool def) const { return NodeBool(Find(obj, key), def); }

   static bool       IsNumberText(const string &s)
     {
      int n = StringLen(s);
      if(n == 0)
         return false;
      bool digit = false;
      for(int i = 0; i < n; i++)
        {
         ushort c = StringGetCharacter(s, i);
         if(c >= '0' && c <= '9')
            digit = true;
         else
            if(!(c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
               return false;
        }
      return digit;
     }

private:
   bool              Fail(const string what)
     {
      if(m_error == "")
         m_error = what + " at offset " + IntegerToString(m_pos);
      return false;
     }
   void              SkipWs()
     {
      while(m_pos < m_len)
        {
         ushort c = StringGetCharacter(m_src, m_pos);
         if(c == ' ' || c == '\t' || c == '\r' || c == '\n')
            m_pos++;
         else
            break;
        }
     }
   int               NewNode(int type, const string key)
     {
      if(m_count >= JSON_MAX_NODES)
        {
         Fail("too many values");
         return -1;
        }
      int n = m_count++;
      m_nodes[n].type = type;
      m_nodes[n].key = key;
      m_nodes[n].text = "";
      m_nodes[n].num = 0.0;
      m_nodes[n].flag = false;
      m_nodes[n].first = -1;
      m_nodes[n].last = -1;
      m_nodes[n].next = -1;
      m_nodes[n].count = 0;
      m_nodes[n].start = m_pos;
      m_nodes[n].end = m_pos;
      return n;
     }
   void              AddChild(int parent, int child)
     {
      if(m_nodes[parent].last >= 0)
         m_nodes[m_nodes[parent].last].next = child;
      else
         m_nodes[parent].first = child;
      m_nodes[parent].last = child;
      m_nodes[parent].count++;
     }
   bool              Literal(const string word)
     {
      int n = StringLen(word);
      if(StringSubstr(m_src, m_pos, n) != word)
         return false;
      m_pos += n;
      return true;
     }
   int               ParseValue(const string key, int depth)
     {
      if(depth > JSON_MAX_DEPTH)
        {
         Fail("nesting too deep");
         return -1;
        }
      if(m_pos >= m_len)
        {
         Fail("unexpected end");
         return -1;
        }
      ushort c = StringGetCharacter(m_src, m_pos);
      int n = -1;
      if(c == '{')
         n = ParseObject(key, depth);
      else
         if(c == '[')
            n = ParseArray(key, depth);
         else
            if(c == '"')
              {
               n = NewNode(JSON_STRING, key);
               if(n < 0)
                  return -1;
               string s;
               if(!ParseString(s))
                  return -1;
               m_nodes[n].text = s;
              }
            else
               if(c == 't' || c == 'f' || c == 'n')
                 {
                  if(Literal("true"))
                    { n = NewNode(JSON_BOOL, key); if(n >= 0) { m_nodes[n].flag = true; m_nodes[n].text = "true"; m_nodes[n].start = m_pos - 4; } }
                  else
                     if(Literal("false"))
                       { n = NewNode(JSON_BOOL, key); if(n >= 0) { m_nodes[n].text = "false"; m_nodes[n].start = m_pos - 5; } }
                     else
                        if(Literal("null"))
                          { n = NewNode(JSON_NULL, key); if(n >= 0) m_nodes[n].start = m_pos - 4; }
                        else
                          {
                           Fail("bad literal");
                           return -1;
                          }
                 }
               else
                  n = ParseNumber(key);
      if(n >= 0)
         m_nodes[n].end = m_pos;
      return n;
     }
   int               ParseNumber(const string key)
     {
      int start = m_pos;
      if(m_pos < m_len && StringGetCharacter(m_src, m_pos) == '-')
         m_pos++;
      int digits = 0;
      while(m_pos < m_len)
        {
         ushort c = StringGetCharacter(m_src, m_pos);
         if(c >= '0' && c <= '9')
           { digits++; m_pos++; }
         else
            if(c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
               m_pos++;
            else
               break;
        }
      if(digits == 0)
        {
         m_pos = start;
         Fail("unexpected character");
         return -1;
        }
      int n = NewNode(JSON_NUMBER, key);
      if(n < 0)
         return -1;
      m_nodes[n].start = start;
      m_nodes[n].text = StringSubstr(m_src, start, m_pos - start);
      m_nodes[n].num = JsonTextToDouble(m_nodes[n].text);
      if(!MathIsValidNumber(m_nodes[n].num))
        {
         Fail("number out of range");
         return -1;
        }
      return n;
     }
   static int        HexValue(ushort c)
     {
      if(c >= '0' && c <= '9')
         return c - '0';
      if(c >= 'a' && c <= 'f')
         return c - 'a' + 10;
      if(c >= 'A' && c <= 'F')
         return c - 'A' + 10;
      return -1;
     }
   bool              ParseString(string &out)
     {
      out = "";
      m_pos++; // opening quote
      int runStart = m_pos;
      while(m_pos < m_len)
        {
         ushort c = StringGetCharacter(m_src, m_pos);
         if(c == '"')
           {
            out += StringSubstr(m_src, runStart, m_pos - runStart);
            m_pos++;
            return true;
           }
         if(c < 0x20)
            return Fail("control character in string");
         if(c != '\\')
           {
            m_pos++;
            continue;
           }
         out += StringSubstr(m_src, runStart, m_pos - runStart);
         m_pos++;
         if(m_pos >= m_len)
            break;
         ushort e = StringGetCharacter(m_src, m_pos);
         m_pos++;
         if(e == '"') out += "\"";
         else if(e == '\\') out += "\\";
         else if(e == '/') out += "/";
         else if(e == 'b') out += ShortToString(8);
         else if(e == 'f') out += ShortToString(12);
         else if(e == 'n') out += "\n";
         else if(e == 'r') out += "\r";
         else if(e == 't') out += "\t";
         else if(e == 'u')
           {
            if(m_pos + 4 > m_len)
               return Fail("short \\u escape");
            int code = 0;
            for(int k = 0; k < 4; k++)
              {
               int h = HexValue(StringGetCharacter(m_src, m_pos + k));
               if(h < 0)
                  return Fail("bad \\u escape");
               code = code * 16 + h;
              }
            m_pos += 4;
            out += ShortToString((ushort)code);
           }
         else
            return Fail("bad escape");
         runStart = m_pos;
        }
      return Fail("unterminated string");
     }
   int               ParseArray(const string key, int depth)
     {
      int n = NewNode(JSON_ARRAY, key);
      if(n < 0)
         return -1;
      m_pos++;
      SkipWs();
      if(m_pos < m_len && StringGetCharacter(m_src, m_pos) == ']')
        {
         m_pos++;
         return n;
        }
      while(true)
        {
         SkipWs();
         int c = ParseValue("", depth + 1);
         if(c < 0)
            return -1;
         AddChild(n, c);
         SkipWs();
         if(m_pos >= m_len)
           { Fail("unterminated array"); return -1; }
         ushort ch = StringGetCharacter(m_src, m_pos);
         m_pos++;
         if(ch == ']')
            return n;
         if(ch != ',')
           { m_pos--; Fail("expected , or ]"); return -1; }
        }
      return -1;
     }
   int               ParseObject(const string key, int depth)
     {
      int n = NewNode(JSON_OBJECT, key);
      if(n < 0)
         return -1;
      m_pos++;
      SkipWs();
      if(m_pos < m_len && StringGetCharacter(m_src, m_pos) == '}')
        {
         m_pos++;
         return n;
        }
      while(true)
        {
         SkipWs();
         if(m_pos >= m_len || StringGetCharacter(m_src, m_pos) != '"')
           { Fail("expected member name"); return -1; }
         string name;
         if(!ParseString(name))
            return -1;
         SkipWs();
         if(m_pos >= m_len || StringGetCharacter(m_src, m_pos) != ':')
           { Fail("expected :"); return -1; }
         m_pos++;
         SkipWs();
         int c = ParseValue(name, depth + 1);
         if(c < 0)
            return -1;
         AddChild(n, c);
         SkipWs();
         if(m_pos >= m_len)
           { Fail("unterminated object"); return -1; }
         ushort ch = StringGetCharacter(m_src, m_pos);
         m_pos++;
         if(ch == '}')
            return n;
         if(ch != ',')
           { m_pos--; Fail("expected , or }"); return -1; }
        }
      return -1;
     }
  };

//--- JSON string literal with escapes (the quotes included)
string JsonQuote(const string &s)
  {
   string out = "\"";
   int n = StringLen(s);
   int runStart = 0;
   for(int i = 0; i < n; i++)
     {
      ushort c = StringGetCharacter(s, i);
      if(c != '"' && c != '\\' && c >= 0x20)
         continue;
      out += StringSubstr(s, runStart, i - runStart);
      if(c == '"') out += "\\\"";
      else if(c == '\\') out += "\\\\";
      else if(c == '\n') out += "\\n";
      else if(c == '\r') out += "\\r";
      else if(c == '\t') out += "\\t";
      else
        {
         string hex = "0123456789abcdef";
         out += "\\u00" + StringSubstr(hex, (c >> 4) & 15, 1) + StringSubstr(hex, c & 15, 1);
        }
      runStart = i + 1;
     }
   out += StringSubstr(s, runStart, n - runStart);
   out += "\"";
   return out;
  }

//--- a number in plain decimal notation with the fewest digits that read back exactly (PROTOCOL.md):
//--- "1.0851", "100000", "0.00001", never an exponent. Non-finite values are written as 0: callers
//--- must not send them (the gateway refuses NaN/Infinity with bad_value).
string JsonNumber(double v)
  {
   if(!MathIsValidNumber(v))
      return "0";
   if(MathAbs(v) < 1e15 && v == MathRound(v))
      return (v == 0.0) ? "0" : IntegerToString((long)v);
   string s = DoubleToString(v, 16);
   for(int d = 1; d <= 16; d++)
     {
      string t = DoubleToString(v, d);
      if(StringToDouble(t) == v)
        {
         s = t;
         break;
        }
     }
   int n = StringLen(s);
   while(n > 0 && StringGetCharacter(s, n - 1) == '0')
      n--;
   if(n > 0 && StringGetCharacter(s, n - 1) == '.')
      n--;
   s = StringSubstr(s, 0, n);
   if(s == "-0")
      s = "0";
   return s;
  }

class CJsonWriter
  {
public:
   string            m_out;
   bool              m_first[JSON_MAX_DEPTH];
   int               m_depth;

                     CJsonWriter() { Reset(); }
   void              Reset() { m_out = ""; m_depth = 0; m_first[0] = true; }
   string            Text() const { return m_out; }

   void              BeginObject(const string key = "") { Prefix(key); m_out += "{"; Push(); }
   void              EndObject() { Pop(); m_out += "}"; }
   void              BeginArray(const string key = "") { Prefix(key); m_out += "["; Push(); }
   void              EndArray() { Pop(); m_out += "]"; }
   void              Str(const string key, const string value) { Prefix(key); m_out += JsonQuote(value); }
   void              Num(const string key, double value) { Prefix(key); m_out += JsonNumber(value); }
   void              Int(const string key, long value) { Prefix(key); m_out += IntegerToString(value); }
   void              Bool(const string key, bool value) { Prefix(key); m_out += (value ? "true" : "false"); }
   void              Null(const string key) { Prefix(key); m_out += "null"; }
   //--- an already-encoded JSON value
   void              Raw(const string key, const string json) { Prefix(key); m_out += json; }

private:
   void              Prefix(const string key)
     {
      if(!m_first[m_depth])
         m_out += ",";
      m_first[m_depth] = false;
      if(key != "")
         m_out += JsonQuote(key) + ":";
     }
   void              Push() { if(m_depth < JSON_MAX_DEPTH - 1) m_depth++; m_first[m_depth] = true; }
   void              Pop() { if(m_depth > 0) m_depth--; }
  };

#endif
