using WidgetPlatform.Data;

namespace WidgetPlatform.Query.Requests;

/// <summary>
/// Study, widget and dataset identifiers from routes and bodies, checked against docs/design.md §3 before they reach a key, a path or
/// a pattern: glob characters (<c>* ? [ ] \</c>) and everything else outside the pattern are refused with 400.
/// </summary>
public static class RouteIdentifiers
{
    private static readonly string[] RouteValues = ["studyId", "widgetId", "dataset"];

    public static string Require(string? value, string field) =>
        Identifier.IsValid(value)
            ? value!
            : throw RequestValidationException.For(
                field, $"'{value}' is not a valid identifier: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64.");

    /// <summary>
    /// Checks every identifier in the matched route before authentication, so a malformed id is a 400 for every caller
    /// rather than a 403 for some: it never reaches a key, a path, a pattern or a claim comparison.
    /// </summary>
    public static IApplicationBuilder UseRouteIdentifierValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var values = context.Request.RouteValues;
            foreach (var name in RouteValues)
            {
                if (values.TryGetValue(name, out var value))
                {
                    Require(value as string, name);
                }
            }

            await next(context);
        });
}
