// Turns Perl's Plain Old Documentation (a .pod file, or the POD inside a .pm/.pl) into a Document.
#pragma once

#include "parse/document.h"

#include <string>
#include <string_view>

namespace kosh {

/// Reads POD as perlpodspec describes it, one pass over the lines with no recursion.
///  - Only POD counts: from a line "=identifier" to a line "=cut". Perl code around it (in a .pm
///    or .pl file, or after "=cut") is not text. A file of another name that opens with text
///    before any command is read as POD from its first line.
///  - "=head1".."=head4" are the outline at levels 2..5. The title is the text under a leading
///    "=head1 NAME" ("perlre - Perl regular expressions"), or else the file stem.
///  - "=item" labels and the paragraph after them are one Paragraph: label line(s), then text.
///  - "=begin"/"=end" and "=for" regions are kept only for the "text" or ":text" formatter.
///  - Verbatim (indented) paragraphs are code; neighbouring ones, apart only by blank lines,
///    are one block. Ordinary paragraphs lose their formatting codes (pod_formatting_codes.h).
///  - "=encoding latin1" (or another Latin-1 name) on text that is not UTF-8 is converted to it.
[[nodiscard]] Document parse_pod(std::string_view text, std::string path);

} // namespace kosh
