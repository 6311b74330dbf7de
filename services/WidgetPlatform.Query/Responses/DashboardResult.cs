using System.Buffers;
using WidgetPlatform.Caching;

namespace WidgetPlatform.Query.Responses;

/// <summary>A JSON array of data responses in request order, written from the cached bodies without re-serialising them.</summary>
/// <remarks>
/// Copied into Kestrel's pipe and sent with one flush, under a Content-Length: writing each body to the response stream
/// flushed each one as a chunk of its own, 25 sends for a dashboard of twelve where the bare endpoint makes one.
/// </remarks>
public sealed class DashboardResult(IReadOnlyList<CacheAnswer> answers) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "private, no-cache";
        response.ContentLength = Length();

        var writer = response.BodyWriter;
        writer.Write("["u8);
        for (var index = 0; index < answers.Count; index++)
        {
            if (index > 0)
            {
                writer.Write(","u8);
            }

            answers[index].WriteBody(writer);
        }

        writer.Write("]"u8);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The brackets, the commas between answers, and each answer's bytes.</summary>
    private long Length()
    {
        long length = 2 + Math.Max(0, answers.Count - 1);
        foreach (var answer in answers)
        {
            length += answer.BodyLength;
        }

        return length;
    }
}
