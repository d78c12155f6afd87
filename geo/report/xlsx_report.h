#pragma once
// The report's tables as one Excel workbook (libxlsxwriter): a sheet per table with names in
// the report's language (园区概览, 承载因素, 指标, 设施覆盖, 情景), numbers as numbers with
// formats and units in the headers, and a chart of capacity against today's jobs per park.
// Written atomically; the workbook's creation date is the report's date, so identical runs
// give identical files.
#include <filesystem>

#include "geo/report/html_report.h"

namespace geo {

void write_xlsx_report(const ReportInput& input, const std::filesystem::path& path);

}  // namespace geo
