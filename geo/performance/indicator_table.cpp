#include "geo/performance/indicator_table.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <unordered_map>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

}  // namespace

IndicatorTable read_indicator_table(const std::filesystem::path& file)
{
    IndicatorTable t;
    t.file = file;
    std::vector<std::string> h;
    int code = -1, name = -1, tax = -1, va = -1, sales = -1, energy = -1, emis = -1, rd = -1, emp = -1, land_m2 = -1, land_mu = -1;
    // A record at a time: a bureau's table of ten million rows is never whole in memory as text.
    read_csv_rows(file, [&](std::vector<std::string>& row, size_t line) {
        if (h.empty()) {
            for (std::string c : row) {
                if (c.rfind("\xEF\xBB\xBF", 0) == 0) c.erase(0, 3);  // a BOM, as Excel writes
                h.push_back(trimmed(c));
            }
            auto find = [&](std::initializer_list<const char*> names) -> int {
                for (const char* n : names)
                    for (size_t i = 0; i < h.size(); ++i)
                        if (h[i] == n) return static_cast<int>(i);
                return -1;
            };
            code = find({"统一社会信用代码", "信用代码", "社会信用代码", "credit_code", "uscc"});
            name = find({"企业名称", "名称", "单位名称", "name", "company"});
            if (code < 0 && name < 0)
                throw Error("the indicator table needs a 统一社会信用代码 (credit_code) or 企业名称 (name) column to join on", {.file = file.string(), .key = "line 1"});
            tax = find({"税收", "实缴税金", "纳税额", "税收总额", "tax"}), va = find({"工业增加值", "增加值", "value_added"});
            sales = find({"营业收入", "销售收入", "主营业务收入", "sales", "revenue"}), energy = find({"综合能耗", "能耗", "energy"});
            emis = find({"排放当量", "排放量", "污染物排放当量", "emissions"}), rd = find({"研发经费", "研发投入", "R&D经费", "rd"});
            emp = find({"从业人员", "职工人数", "employees"}), land_m2 = find({"用地面积", "land_m2"}), land_mu = find({"用地面积(亩)", "用地面积（亩）", "land_mu"});
            return;
        }
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(line)};
        auto text = [&](int c) { return c >= 0 && static_cast<size_t>(c) < row.size() ? trimmed(row[static_cast<size_t>(c)]) : std::string(); };
        auto number = [&](int c) {
            const std::string v = text(c);
            if (v.empty()) return kNaN;
            char* end = nullptr;
            const double x = std::strtod(v.c_str(), &end);
            if (*end != '\0' || !std::isfinite(x)) throw Error("the " + h[static_cast<size_t>(c)] + " '" + v + "' is not a number", where);
            if (x < 0) throw Error("a negative " + h[static_cast<size_t>(c)] + " (" + v + ")", where);
            return x;
        };
        const std::string c = text(code), n = text(name);
        if (c.empty() && n.empty()) throw Error("a row with neither a credit code nor a name", where);
        t.code.push_back(c);
        t.name.push_back(n);
        t.tax.push_back(number(tax));
        t.value_added.push_back(number(va));
        t.sales.push_back(number(sales));
        t.energy.push_back(number(energy));
        t.emissions.push_back(number(emis));
        t.rd.push_back(number(rd));
        t.employees.push_back(number(emp));
        const double mu = number(land_mu);
        t.land_m2.push_back(!std::isnan(mu) ? mu * 10000.0 / 15.0 : number(land_m2));
        t.line.push_back(line);
    });
    if (h.empty()) throw Error("the indicator table is empty", {.file = file.string()});
    return t;
}

std::string normalised_company_name(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        // U+FF01..U+FF5E (full-width ASCII) are EF BC 81..EF BD 9E; U+3000 is E3 80 80.
        if (c == 0xEF && i + 2 < s.size()) {
            const unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
                i += 3;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x80) {
            i += 3;  // an ideographic space
            continue;
        }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    std::string r;
    for (char ch : out) {
        if (ch == ' ' || ch == '\t' || ch == '(' || ch == ')') continue;
        r.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
    for (size_t at; (at = r.find("有限责任公司")) != std::string::npos;) r.replace(at, std::string("有限责任公司").size(), "有限公司");
    return r;
}

std::string_view to_string(MatchKind k)
{
    switch (k) {
    case MatchKind::Code: return "code";
    case MatchKind::Name: return "name";
    case MatchKind::NormalisedName: return "normalised name";
    case MatchKind::NotFound: return "no enterprise";
    case MatchKind::Ambiguous: return "several enterprises";
    case MatchKind::Taken: break;
    }
    return "already matched";
}

size_t IndicatorMatch::count(MatchKind k) const { return static_cast<size_t>(std::count(how.begin(), how.end(), k)); }

std::string IndicatorMatch::detail(size_t r, const IndicatorTable& t, const TextList& names) const
{
    const int64_t e = enterprise[r];
    switch (how[r]) {
    case MatchKind::Code:
    case MatchKind::Name:
    case MatchKind::NormalisedName: return e >= 0 ? std::string(names[static_cast<size_t>(e)]) : std::string();
    case MatchKind::Ambiguous: return std::to_string(holders[r]) + " enterprises have this " + std::string(to_string(key[r]));
    case MatchKind::Taken:
        return e >= 0 ? "'" + std::string(names[static_cast<size_t>(e)]) + "' is matched by line " +
                            std::to_string(t.line[static_cast<size_t>(row_of[static_cast<size_t>(e)])]) + " already"
                      : std::string();
    case MatchKind::NotFound: break;
    }
    return {};
}

IndicatorMatch match_indicator_rows(const IndicatorTable& t, const TextList& codes, const TextList& names)
{
    const size_t n = names.size();
    IndicatorMatch m;
    m.row_of.assign(n, -1);
    m.how.assign(t.size(), MatchKind::NotFound);
    m.enterprise.assign(t.size(), -1);
    m.holders.assign(t.size(), 0);
    m.key.assign(t.size(), MatchKind::NotFound);
    std::vector<uint8_t> done(t.size(), 0);
    // One pass per key: rows not yet placed, against the enterprises holding that key. The
    // index holds views into `keys` (one buffer), each with its first enterprise and a count.
    struct Holders {
        size_t first = 0;
        uint32_t count = 0;
    };
    auto pass = [&](MatchKind kind, const TextList& keys, auto&& key_of_row) {
        std::unordered_map<std::string_view, Holders> by_key;
        by_key.reserve(keys.size());
        for (size_t i = 0; i < keys.size(); ++i)
            if (const std::string_view k = keys[i]; !k.empty()) {
                Holders& h = by_key[k];
                if (h.count++ == 0) h.first = i;
            }
        for (size_t r = 0; r < t.size(); ++r) {
            if (done[r]) continue;
            const std::string k = key_of_row(r);
            if (k.empty()) continue;
            const auto it = by_key.find(k);
            if (it == by_key.end()) continue;
            done[r] = 1;
            if (it->second.count > 1) {
                m.how[r] = MatchKind::Ambiguous;
                m.holders[r] = it->second.count;
                m.key[r] = kind;
                continue;
            }
            const size_t e = it->second.first;
            m.enterprise[r] = static_cast<int64_t>(e);
            if (m.row_of[e] >= 0) {
                m.how[r] = MatchKind::Taken;
                continue;
            }
            m.row_of[e] = static_cast<int64_t>(r);
            m.how[r] = kind;
        }
    };
    if (!codes.empty()) pass(MatchKind::Code, codes, [&](size_t r) { return std::string(t.code[r]); });
    pass(MatchKind::Name, names, [&](size_t r) { return std::string(t.name[r]); });
    TextList normalised;
    normalised.reserve(n, 0);
    for (size_t i = 0; i < n; ++i) normalised.push_back(normalised_company_name(names[i]));
    pass(MatchKind::NormalisedName, normalised, [&](size_t r) { return normalised_company_name(t.name[r]); });
    return m;
}

}  // namespace geo
