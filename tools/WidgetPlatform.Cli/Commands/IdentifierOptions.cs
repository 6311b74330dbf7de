using System.CommandLine;
using WidgetPlatform.Data;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// Study and widget options, checked as docs/design.md §3 identifiers before anything is sent: a typo is bad usage (exit 4)
/// here rather than a 400 later, and nothing unchecked reaches a URL path.
/// </summary>
public static class IdentifierOptions
{
    public static Option<string?> One(string name, string description, bool required = false)
    {
        var option = new Option<string?>(name) { Description = description, Required = required };
        option.Validators.Add(result => Check(result, name, [result.GetValueOrDefault<string?>()]));
        return option;
    }

    public static Option<string[]> Many(string name, string description)
    {
        var option = new Option<string[]>(name) { Description = description, DefaultValueFactory = _ => [] };
        option.Validators.Add(result => Check(result, name, result.GetValueOrDefault<string[]>() ?? []));
        return option;
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, string name, IEnumerable<string?> values)
    {
        foreach (var value in values.OfType<string>().Where(value => !Identifier.IsValid(value)))
        {
            result.AddError($"{name} '{value}' is not an identifier: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64.");
        }
    }
}
