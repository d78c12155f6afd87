#pragma once
// A small command-line parser: declared options only, values after "--name VALUE" or
// "--name=VALUE", repeatable options collected in order. Mistakes throw UsageError.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;      // without the dashes
    std::string value;     // placeholder ("CRS"); empty for a flag
    std::string help;
    bool repeatable = false;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;  // option -> values given

    bool flag(const std::string& name) const { return values.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = "") const;
    long long get_int(const std::string& name, long long fallback) const;
    // A finite number, or `fallback` when the option is absent; UsageError for anything else.
    double get_number(const std::string& name, double fallback) const;
    // The same within [min, max] (`above`: min itself excluded); an option given empty is
    // refused too: "--far needs a number above 0, not ''".
    double get_number_in(const std::string& name, double fallback, double min, double max, bool above = false) const;
    long long get_int_in(const std::string& name, long long fallback, long long min, long long max) const;
    const std::vector<std::string>& all(const std::string& name) const;
};

Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);
std::string options_help(const std::vector<OptionSpec>& specs);

}  // namespace cli
