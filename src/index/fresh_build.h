// A fresh index built as parts side by side, then merged by Xapian's compactor into one database.
//
// One Xapian writer is single-threaded, and it does most of the work of indexing. A new index is
// therefore written as up to eight temporary databases, one writer per core (at most two) taking
// them in turn, and then compacted into the index folder. Until the last step renames the version
// file into place, the folder holds no database, so an interrupted build leaves "no index", never
// half of one.
#pragma once

#include "index/corpus_walker.h"

#include <filesystem>
#include <vector>

namespace kosh {

/// True when `index_dir` holds no database yet (single or sharded): the parts path may be used.
[[nodiscard]] bool holds_no_index(const std::filesystem::path& index_dir);

/// Removes the parts folder a fresh build works in, if an interrupted one left it behind. Safe
/// whatever state the index is in: the parts are never the index.
void remove_build_parts(const std::filesystem::path& index_dir);

/// Removes what an interrupted fresh build may have left in `index_dir`: its parts folder, and
/// table files not yet joined by a version file (none once the version file is there).
void clear_unfinished_build(const std::filesystem::path& index_dir);

/// The folder of part `i`, inside the index folder so that it lives on the same file system.
[[nodiscard]] std::filesystem::path part_dir(const std::filesystem::path& index_dir, std::size_t i);

/// The share of the bytes each part gets, in order, for `writers` writers: a few big parts first,
/// then ever smaller ones, which the writers take as they come free (see split_in_parts).
[[nodiscard]] std::vector<double> part_shares(std::size_t writers);

/// Cuts `files` (in order) into parts of consecutive files, sized by bytes after part_shares, so
/// the merged index numbers its documents exactly as one writer would have, while the writers
/// end at about the same time however the cost of a byte varies along the corpus. Where bytes
/// alone show that parts would leave a writer much busier than one equal part per writer would
/// (a big file late in the list), it returns the equal parts instead. Returns no parts when a
/// split would not pay for the merge: fewer than two files or writers, or one file with over
/// three quarters of the bytes, beside which a second writer would mostly idle.
[[nodiscard]] std::vector<std::vector<SourceFile>> split_in_parts(const std::vector<SourceFile>& files,
                                                                  std::size_t writers);

/// Compacts parts 0..count-1 (in that order) into `index_dir`, the version file last, and
/// removes the parts. Throws Fatal naming the folder on failure.
void merge_parts(const std::filesystem::path& index_dir, std::size_t count);

} // namespace kosh
