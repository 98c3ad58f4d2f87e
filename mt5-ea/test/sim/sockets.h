// sockets.h -- MQL5's Socket* functions over real POSIX TCP sockets (the handle is the file descriptor).
// TLS is not simulated: SocketTlsHandshake fails with ERR_NETSOCKET_HANDSHAKE_FAILED and the other
// SocketTls* calls return -1, which the EA must survive.
#ifndef VPT_SIM_SOCKETS_H
#define VPT_SIM_SOCKETS_H

inline int SocketCreate(uint = 0) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) SetSimError(ERR_SIM_SOCKET);
  return fd < 0 ? INVALID_HANDLE : fd;
}
inline bool SocketClose(int h) { return ::close(h) == 0; }
inline bool SocketConnect(int h, const string &host, uint port, uint timeoutMs) {
  struct addrinfo hints, *res = nullptr;
  std::memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0 || res == nullptr) {
    SetSimError(5272);   // ERR_NETSOCKET_CANNOT_CONNECT
    return false;
  }
  struct timeval tv = {(time_t)(timeoutMs / 1000), (suseconds_t)((timeoutMs % 1000) * 1000)};
  ::setsockopt(h, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  bool ok = ::connect(h, res->ai_addr, res->ai_addrlen) == 0;
  ::freeaddrinfo(res);
  if (!ok) SetSimError(5272);
  int one = 1;
  if (ok) ::setsockopt(h, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return ok;
}
inline bool SocketIsConnected(int h) {
  char c;
  ssize_t n = ::recv(h, &c, 1, MSG_PEEK | MSG_DONTWAIT);
  return n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
}
inline bool SocketTimeouts(int h, uint sendMs, uint recvMs) {
  struct timeval s = {(time_t)(sendMs / 1000), (suseconds_t)((sendMs % 1000) * 1000)};
  struct timeval r = {(time_t)(recvMs / 1000), (suseconds_t)((recvMs % 1000) * 1000)};
  return ::setsockopt(h, SOL_SOCKET, SO_SNDTIMEO, &s, sizeof s) == 0 && ::setsockopt(h, SOL_SOCKET, SO_RCVTIMEO, &r, sizeof r) == 0;
}
template <typename B> inline int SimSend(int h, const B *bytes, uint len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = ::send(h, (const char *)bytes + done, len - done, MSG_NOSIGNAL);
    if (n <= 0) { SetSimError(5273); return -1; }   // ERR_NETSOCKET_IO_ERROR
    done += (size_t)n;
  }
  return (int)done;
}
inline int SocketSend(int h, const MqlArray<uchar> &buf, uint len) { return SimSend(h, buf.v.data(), len); }
inline uint SocketIsReadable(int h) {
  int n = 0;
  return ::ioctl(h, FIONREAD, &n) == 0 && n > 0 ? (uint)n : 0;
}
template <size_t N> inline int SocketRead(int h, uchar (&buf)[N], uint len, uint timeoutMs) {
  (void)timeoutMs;   // SocketTimeouts set the receive timeout on the socket
  if (len > N) len = N;
  ssize_t n = ::recv(h, buf, len, 0);
  if (n <= 0) { SetSimError(5273); return -1; }
  return (int)n;
}
inline bool SocketTlsHandshake(int, const string &) { SetSimError(ERR_SIM_TLS); return false; }
inline int SocketTlsSend(int, const MqlArray<uchar> &, uint) { SetSimError(ERR_SIM_TLS); return -1; }
template <size_t N> inline int SocketTlsReadAvailable(int, uchar (&)[N], uint) { SetSimError(ERR_SIM_TLS); return -1; }

#endif
