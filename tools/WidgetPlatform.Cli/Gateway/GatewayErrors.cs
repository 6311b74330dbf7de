using System.Net;
using System.Text.Json;

namespace WidgetPlatform.Cli.Gateway;

/// <summary>Turns an unexpected gateway answer into one line an operator can act on, with the matching exit code.</summary>
internal static class GatewayErrors
{
    public static async Task<CommandFailedException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var detail = ProblemDetail(await ReadBodyAsync(response, cancellationToken));
        var status = (int)response.StatusCode;
        var suffix = detail is null ? "" : $": {detail}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => CommandFailedException.CannotConnect(
                $"The gateway refused the token (401){suffix}. Pass a valid --token, or restart the platform for fresh dev tokens."),
            HttpStatusCode.Forbidden => CommandFailedException.CannotConnect(
                $"The token may not {what} (403){suffix}. Admin commands need the admin token of dev-tokens.json."),
            HttpStatusCode.BadRequest => CommandFailedException.BadUsage($"The gateway refused {what} as invalid (400){suffix}"),
            HttpStatusCode.NotFound => CommandFailedException.Failed($"Not found: {what} (404){suffix}"),
            HttpStatusCode.TooManyRequests => CommandFailedException.Failed(
                $"Admin requests are rate-limited (429){suffix}"
                + (response.Headers.RetryAfter?.Delta is { } wait ? $" Retry after {wait.TotalSeconds:0} s." : "")),
            _ => CommandFailedException.Failed($"{what} failed with {status} {response.ReasonPhrase}{suffix}"),
        };
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    /// <summary>The most specific text of an RFC 9457 problem: the first validation error, else detail, else title.</summary>
    internal static string? ProblemDetail(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0)
                    {
                        return $"{field.Name}: {field.Value[0].GetString()}";
                    }
                }
            }

            return root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text
                : root.TryGetProperty("title", out var title) ? title.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
