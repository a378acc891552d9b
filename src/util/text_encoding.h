// Turning a text file's bytes into UTF-8: UTF-16 with a byte order mark and single-byte
// Windows-1252 (Latin-1) text are converted; binary files and broken UTF-8 are refused.
#pragma once

#include "util/error.h"

#include <string>

namespace kosh {

/// The text of `bytes` in UTF-8, with the same lines: valid UTF-8 as it is (a UTF-8 byte order
/// mark included), UTF-16 LE or BE after a byte order mark converted (without the mark), and
/// single-byte text converted from Windows-1252. Fails with check_text's reason for binary files
/// (NUL or control bytes) and for UTF-8 with broken sequences, which is not single-byte text.
[[nodiscard]] Expected<std::string> to_utf8(std::string bytes);

} // namespace kosh
