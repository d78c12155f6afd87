#include "args.h"

#include <cmath>
#include <cstdlib>
#include <optional>

#include "geo/report/text_format.h"

namespace cli {

std::string Args::get(const std::string& name, const std::string& fallback) const
{
    auto it = values.find(name);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

namespace {

// The whole number `v` spells, all of it; none for anything else (empty, "12x", out of range).
std::optional<long long> whole_number(const std::string& v)
{
    size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(v, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (used != v.size()) return std::nullopt;
    return n;
}

}  // namespace

long long Args::get_int(const std::string& name, long long fallback) const
{
    const std::string v = get(name);
    if (v.empty()) return fallback;
    const std::optional<long long> n = whole_number(v);
    if (!n) throw UsageError("--" + name + " needs a whole number, not '" + v + "'");
    return *n;
}

double Args::get_number(const std::string& name, double fallback) const
{
    const std::string v = get(name);
    if (v.empty()) return fallback;
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0' || !std::isfinite(d)) throw UsageError("--" + name + " needs a number, not '" + v + "'");
    return d;
}

double Args::get_number_in(const std::string& name, double fallback, double min, double max, bool above) const
{
    if (!flag(name)) return fallback;
    const std::string v = get(name);
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    const bool ok = !v.empty() && *end == '\0' && std::isfinite(d) && (above ? d > min : d >= min) && d <= max;
    if (!ok) {
        const std::string range = above ? (std::isinf(max) ? "above " + geo::printf_text("%g", min) : "above " + geo::printf_text("%g", min) + " and at most " + geo::printf_text("%g", max))
                                         : (std::isinf(max) ? "of at least " + geo::printf_text("%g", min) : "from " + geo::printf_text("%g", min) + " to " + geo::printf_text("%g", max));
        throw UsageError("--" + name + " needs a number " + range + ", not '" + v + "'");
    }
    return d;
}

long long Args::get_int_in(const std::string& name, long long fallback, long long min, long long max) const
{
    if (!flag(name)) return fallback;
    const std::string v = get(name);
    const std::optional<long long> n = whole_number(v);
    if (!n || *n < min || *n > max)
        throw UsageError("--" + name + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" + v + "'");
    return *n;
}

const std::vector<std::string>& Args::all(const std::string& name) const
{
    static const std::vector<std::string> none;
    auto it = values.find(name);
    return it == values.end() ? none : it->second;
}

Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs)
{
    Args args;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 3 || a.rfind("--", 0) != 0) {
            args.positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        const bool inline_value = name.find('=') != std::string::npos;
        if (inline_value) {
            value = name.substr(name.find('=') + 1);
            name = name.substr(0, name.find('='));
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs)
            if (s.name == name) spec = &s;
        if (!spec) throw UsageError("unknown option --" + name);
        if (spec->value.empty()) {
            if (inline_value) throw UsageError("--" + name + " takes no value");
        } else if (!inline_value) {
            if (i + 1 >= argv.size()) throw UsageError("--" + name + " needs a value (" + spec->value + ")");
            value = argv[++i];
        }
        auto& slot = args.values[name];
        if (!slot.empty() && !spec->repeatable && !spec->value.empty())
            throw UsageError("--" + name + " given twice");
        slot.push_back(value);
    }
    return args;
}

std::string options_help(const std::vector<OptionSpec>& specs)
{
    std::string out;
    for (const OptionSpec& s : specs) {
        std::string left = "  --" + s.name + (s.value.empty() ? "" : " " + s.value);
        if (left.size() < 26) left += std::string(26 - left.size(), ' ');
        else left += "  ";
        out += left + s.help + "\n";
    }
    return out;
}

}  // namespace cli
