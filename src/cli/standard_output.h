// Standard output that may be a pipe whose reader has gone, as in `kosh ask --batch FILE | head -1`.
#pragma once

namespace kosh::cli {

/// Ignores SIGPIPE, so that a write to a closed pipe fails with EPIPE instead of killing the
/// process (status 141); check_standard_output() then turns that failure into OutputClosed.
void ignore_broken_pipes();

/// Throws OutputClosed when writing to standard output failed because it is a pipe or socket
/// whose reader has gone (the only way a write to one fails), and Fatal naming the cause on any
/// other write error (a full disk). Cheap: it reads two error flags unless a write failed.
void check_standard_output();

} // namespace kosh::cli
