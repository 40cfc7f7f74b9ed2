// Constants of the PostgreSQL v3 frontend/backend protocol: message type
// bytes, the special startup-packet codes and the limits we enforce while
// decoding. Leaf header: no SQL knowledge, no I/O.
#pragma once

#include <cstdint>

namespace db9::pgproto {

// First byte of a message the client sends after startup.
namespace frontend {
inline constexpr char kBind = 'B';
inline constexpr char kClose = 'C';
inline constexpr char kCopyData = 'd';
inline constexpr char kCopyDone = 'c';
inline constexpr char kCopyFail = 'f';
inline constexpr char kDescribe = 'D';
inline constexpr char kExecute = 'E';
inline constexpr char kFlush = 'H';
inline constexpr char kFunctionCall = 'F';
inline constexpr char kParse = 'P';
inline constexpr char kPassword = 'p';  // also SASLInitialResponse / SASLResponse
inline constexpr char kQuery = 'Q';
inline constexpr char kSync = 'S';
inline constexpr char kTerminate = 'X';
}  // namespace frontend

// First byte of a message the server sends.
namespace backend {
inline constexpr char kAuthentication = 'R';
inline constexpr char kBackendKeyData = 'K';
inline constexpr char kBindComplete = '2';
inline constexpr char kCloseComplete = '3';
inline constexpr char kCommandComplete = 'C';
inline constexpr char kCopyData = 'd';
inline constexpr char kCopyDone = 'c';
inline constexpr char kCopyInResponse = 'G';
inline constexpr char kCopyOutResponse = 'H';
inline constexpr char kDataRow = 'D';
inline constexpr char kEmptyQueryResponse = 'I';
inline constexpr char kErrorResponse = 'E';
inline constexpr char kNegotiateProtocolVersion = 'v';
inline constexpr char kNoData = 'n';
inline constexpr char kNoticeResponse = 'N';
inline constexpr char kParameterDescription = 't';
inline constexpr char kParameterStatus = 'S';
inline constexpr char kParseComplete = '1';
inline constexpr char kPortalSuspended = 's';
inline constexpr char kReadyForQuery = 'Z';
inline constexpr char kRowDescription = 'T';
}  // namespace backend

// Int32 codes of AuthenticationXXX messages.
namespace auth_code {
inline constexpr int32_t kOk = 0;
inline constexpr int32_t kSasl = 10;
inline constexpr int32_t kSaslContinue = 11;
inline constexpr int32_t kSaslFinal = 12;
}  // namespace auth_code

// The version field of a startup packet: protocol 3.0, or one of the codes
// PostgreSQL reserves in the 1234.xxxx range for requests.
inline constexpr int32_t kProtocolVersion3 = 3 << 16;
inline constexpr int32_t kCancelRequestCode = (1234 << 16) | 5678;
inline constexpr int32_t kSslRequestCode = (1234 << 16) | 5679;
inline constexpr int32_t kGssEncRequestCode = (1234 << 16) | 5680;

inline constexpr int ProtocolMajor(int32_t version) { return version >> 16; }
inline constexpr int ProtocolMinor(int32_t version) { return version & 0xffff; }

// PostgreSQL's MAX_STARTUP_PACKET_LENGTH: a startup packet (length word
// included) longer than this is rejected.
inline constexpr uint32_t kMaxStartupPacketLength = 10000;
// Largest regular message we accept (length word included). PostgreSQL allows
// up to 1 GB for some messages; a quarter of that is ample for Bind and
// CopyData here and bounds what one client can make us buffer.
inline constexpr uint32_t kMaxMessageLength = 256u << 20;

}  // namespace db9::pgproto
