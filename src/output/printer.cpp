// Chooses the printer for an output format.
#include "output/printer.h"

#include "output/human_printer.h"
#include "output/jsonl_printer.h"
#include "output/trec_printer.h"
#include "output/tsv_printer.h"

namespace kosh {

std::optional<OutputFormat> parse_output_format(std::string_view name)
{
    for (std::size_t i = 0; i < k_output_format_names.size(); ++i) {
        if (k_output_format_names[i] == name) {
            return static_cast<OutputFormat>(i);
        }
    }
    return std::nullopt;
}

std::unique_ptr<Printer> make_printer(std::ostream& out, const PrinterOptions& options)
{
    switch (options.format) {
    case OutputFormat::json: return std::make_unique<JsonlPrinter>(out, options);
    case OutputFormat::tsv: return std::make_unique<TsvPrinter>(out, options);
    case OutputFormat::trec: return std::make_unique<TrecPrinter>(out);
    case OutputFormat::text: break;
    }
    return std::make_unique<HumanPrinter>(out, options);
}

} // namespace kosh
