// The shipped corpus (45 passages of varied length, with headings and a title), indexed once per
// test run into a temporary folder, for tests that need a real index.
#pragma once

#include "index/indexer.h"
#include "temp_dir.h"

#include <filesystem>

namespace kosh::test {

class CorpusIndex {
public:
    /// The index folder, built on first use.
    static const std::filesystem::path& path()
    {
        static const CorpusIndex shared;
        return shared.m_index;
    }

private:
    CorpusIndex()
    {
        IndexOptions options;
        options.request = kosh::only_these({KOSH_CORPUS_DIR});
        options.index_dir = m_index;
        (void)update_index(options, {});
    }

    TempDir m_dir;
    std::filesystem::path m_index = m_dir / "index";
};

} // namespace kosh::test
