// C++ that g++ compiles through the shim but MetaEditor refuses: each marked line must be reported.
struct Row { int v; };
template<typename T> T Larger(T a, T b) { return a > b ? a : b; }
template<int N> int Fixed() { return N; }                             // expect: template
template<typename... A> void Many(A... a) { }                         // expect: template
template<> int Larger<int>(int a, int b) { return a; }                // expect: template
int Sum(int (&values)[4]) { return values[0]; }                       // expect: reference
void Demo(Row &rows[], int &count)
  {
   auto n = ArraySize(rows);                                          // expect: auto
   std::string s = "x";                                               // expect: std
   int &alias = count;                                                // expect: reference
   try { count++; } catch(...) { }                                    // expect: exceptions,exceptions
   if(count < 0) throw 1;                                             // expect: exceptions
   int *p = &count;                                                   // expect: pointer
   p++;                                                               // expect: pointer
   count = *p;                                                        // expect: pointer
   Row *r = nullptr;                                                  // expect: pointer
   r->v = 1;                                                          // expect: pointer
   SocketTimeout(1, 100);                                             // expect: api
   SocketTimeouts(1, 100);                                            // expect: api
   SocketTimeouts(1, 100, 100);
   uchar buf[];
   SocketTlsReadAvailable(1, buf, 1024);
   SocketRead(1, GetBuffer(), 10, 10);                                // expect: api,ref-temp
   rows[0].v = Larger(count, 1) + ArraySize(rows);
  }
