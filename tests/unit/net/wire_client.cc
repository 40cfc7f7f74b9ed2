#include "wire_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "daemon/auth/scram_crypto.h"

namespace db9::testing {

std::string CString(const std::string& s) {
  std::string out = s;
  out.push_back('\0');  // not s + '\0': GCC 12 warns falsely (-Wrestrict) on that
  return out;
}

std::string Int16(int16_t v) {
  auto u = static_cast<uint16_t>(v);
  return std::string{static_cast<char>(u >> 8), static_cast<char>(u)};
}

std::string Int32(int32_t v) {
  auto u = static_cast<uint32_t>(v);
  return std::string{static_cast<char>(u >> 24), static_cast<char>(u >> 16),
                     static_cast<char>(u >> 8), static_cast<char>(u)};
}

int32_t ReadInt32At(const std::string& s, size_t pos) {
  auto b = reinterpret_cast<const unsigned char*>(s.data() + pos);
  return static_cast<int32_t>((uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) |
                              (uint32_t{b[2]} << 8) | b[3]);
}

std::string ErrorField(const Message& m, char code) {
  size_t pos = 0;
  while (pos < m.payload.size() && m.payload[pos] != '\0') {
    char field = m.payload[pos];
    size_t end = m.payload.find('\0', pos + 1);
    if (end == std::string::npos) break;
    if (field == code) return m.payload.substr(pos + 1, end - pos - 1);
    pos = end + 1;
  }
  return "";
}

std::string Types(const std::vector<Message>& messages) {
  std::string out;
  for (const Message& m : messages) out += m.type;
  return out;
}

WireClient::~WireClient() { Close(); }

bool WireClient::Connect(uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
}

void WireClient::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void WireClient::SendRaw(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

void WireClient::Send(char type, const std::string& payload) {
  SendRaw(std::string(1, type) + Int32(static_cast<int32_t>(payload.size() + 4)) + payload);
}

void WireClient::SendStartup(const std::vector<std::pair<std::string, std::string>>& parameters,
                             int32_t version) {
  std::string body = Int32(version);
  for (const auto& [name, value] : parameters) body += CString(name) + CString(value);
  body += '\0';
  SendRaw(Int32(static_cast<int32_t>(body.size() + 4)) + body);
}

bool WireClient::Fill(size_t n, int timeout_ms) {
  while (in_.size() < n) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[65536];
    ssize_t got = ::recv(fd_, buf, sizeof buf, 0);
    if (got <= 0) return false;
    in_.append(buf, static_cast<size_t>(got));
  }
  return true;
}

std::optional<Message> WireClient::Read(int timeout_ms) {
  if (!Fill(5, timeout_ms)) return std::nullopt;
  int32_t length = ReadInt32At(in_, 1);
  if (length < 4 || !Fill(static_cast<size_t>(length) + 1, timeout_ms)) return std::nullopt;
  Message m{in_[0], in_.substr(5, static_cast<size_t>(length) - 4)};
  in_.erase(0, static_cast<size_t>(length) + 1);
  return m;
}

std::optional<char> WireClient::ReadByte(int timeout_ms) {
  if (!Fill(1, timeout_ms)) return std::nullopt;
  char c = in_[0];
  in_.erase(0, 1);
  return c;
}

std::vector<Message> WireClient::ReadUntilReady(int timeout_ms) {
  std::vector<Message> out;
  while (auto m = Read(timeout_ms)) {
    out.push_back(*m);
    if (m->type == 'Z') break;
  }
  return out;
}

bool WireClient::Closed(int timeout_ms) {
  if (!in_.empty()) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char c;
  return ::recv(fd_, &c, 1, MSG_PEEK) == 0;
}

std::vector<Message> WireClient::Login(const std::string& user, const std::string& password,
                                       const std::string& database) {
  SendStartup({{"user", user}, {"database", database}});
  auto sasl = Read();
  if (!sasl || sasl->type != 'R' || ReadInt32At(sasl->payload, 0) != 10) {
    return sasl ? std::vector<Message>{*sasl} : std::vector<Message>{};
  }
  std::string bare = "n=,r=clientnonce123";
  std::string first = "n,," + bare;
  Send('p', CString("SCRAM-SHA-256") + Int32(static_cast<int32_t>(first.size())) + first);
  auto cont = Read();
  if (!cont || cont->type != 'R') {
    return cont ? std::vector<Message>{*cont} : std::vector<Message>{};
  }
  std::string server_first = cont->payload.substr(4);
  std::string nonce = server_first.substr(2, server_first.find(',') - 2);
  size_t s = server_first.find(",s=") + 3;
  size_t i = server_first.find(",i=");
  std::string salt = *auth::Base64Decode(server_first.substr(s, i - s));
  int iterations = std::stoi(server_first.substr(i + 3));
  std::string salted = auth::Pbkdf2Sha256(password, salt, iterations);
  std::string client_key = auth::HmacSha256(salted, "Client Key");
  std::string without_proof = "c=biws,r=" + nonce;
  std::string auth_message = bare + "," + server_first + "," + without_proof;
  std::string proof =
      auth::XorBytes(client_key, auth::HmacSha256(auth::Sha256(client_key), auth_message));
  Send('p', without_proof + ",p=" + auth::Base64Encode(proof));
  std::vector<Message> rest = ReadUntilReady();
  for (const Message& m : rest) {
    if (m.type == 'K') {
      process_id = ReadInt32At(m.payload, 0);
      secret_key = ReadInt32At(m.payload, 4);
    }
  }
  return rest;
}

}  // namespace db9::testing
