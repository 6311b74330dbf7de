using System.CommandLine;
using WidgetPlatform.Data;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// Tag options, checked by the one tag rule (<see cref="Tag"/>) before anything is sent, so a bad tag is bad usage (exit 4)
/// with the same reason the gateway would give. Tags are not identifiers: <c>--tag campaign:123 --tag "adverse events"</c>.
/// </summary>
public static class TagOptions
{
    public static Option<string[]> Many(string name, string description)
    {
        var option = new Option<string[]>(name) { Description = description, DefaultValueFactory = _ => [] };
        option.Validators.Add(result =>
        {
            foreach (var error in (result.GetValueOrDefault<string[]>() ?? []).Select(value => Tag.FindError(value, name)).OfType<string>())
            {
                result.AddError(error);
            }
        });
        return option;
    }
}
