// The five places MetaEditor would refuse in the EA as it stood: a function's result passed to a
// `const string &` parameter (MQL5: "parameter passed as reference, variable expected"). The rules check
// must report each one (run.sh runs `mql5_rules --expect` on this file).
class CDoc
  {
public:
   string            NodeString(int node) const { return IntegerToString(node); }
  };
bool IsNumberText(const string &text) { return StringLen(text) > 0; }
string KeyToComment(const string &key) { return "qs:" + key; }
string CommentToKey(const string &comment) { return StringSubstr(comment, 3); }
class CKeys
  {
public:
   void              Put(const string &token, int state, long ticket) { }
   void              RememberComment(const string &comment) { }
   bool              Begin(const string &key)
     {
      Put(KeyToComment(key), 1, 0);                                   // expect: ref-temp
      return true;
     }
   void              Reload(ulong deal)
     {
      RememberComment(PositionGetString(POSITION_COMMENT));           // expect: ref-temp
      RememberComment(HistoryDealGetString(deal, DEAL_COMMENT));      // expect: ref-temp
     }
  };
bool Frames(const CDoc &d) { return IsNumberText(d.NodeString(1)); }  // expect: ref-temp
string Key(ulong deal) { return CommentToKey(HistoryDealGetString(deal, DEAL_COMMENT)); }  // expect: ref-temp
//--- the corrected forms are accepted
bool FramesFixed(const CDoc &d)
  {
   string text = d.NodeString(1);
   return IsNumberText(text);
  }
string KeyFixed(ulong deal)
  {
   string comment = HistoryDealGetString(deal, DEAL_COMMENT);
   return CommentToKey(comment) + KeyToComment("literal") + KeyToComment(comment);
  }
