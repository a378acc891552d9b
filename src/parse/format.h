// Which reader a file needs, from its name and, where the name is not enough, its first bytes.
#pragma once

#include <string_view>

namespace kosh {

/// The readers kosh has. The names are stable: they appear in JSON output and `kosh stats`.
enum class Format { text, markdown, rest, pod, html, man, pdf, epub, docx, odt };

[[nodiscard]] std::string_view format_name(Format format);

/// True for the formats read from a file's bytes rather than from its text (PDF, EPUB, DOCX,
/// ODT): they are not decoded as text, and cannot be read from a cut-off sample.
[[nodiscard]] bool is_binary_format(Format format);

/// The format of a file called `path` whose content is `text`. The extension decides where it is
/// specific (.md, .rst, ...); otherwise the content may: a .txt file written in reStructuredText
/// (see rest_sniffer.h), or any .txt file in a Sphinx build's _sources folder, is reST; a file
/// named like a man page ("ls.1", "ssl.3ssl", ".man") is one only if it reads as roff. A file
/// whose name says nothing but which starts like a PDF ("%PDF-") is one.
[[nodiscard]] Format detect_format(std::string_view path, std::string_view text);

} // namespace kosh
