using System.Net.ServerSentEvents;

namespace WidgetPlatform.Cli.Gateway;

/// <summary>One study's open <c>text/event-stream</c>: read event by event until the caller has what it waits for.</summary>
public sealed class StudyEvents : IAsyncDisposable
{
    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    internal StudyEvents(string studyId, HttpRequestMessage request, HttpResponseMessage response, Stream body)
    {
        StudyId = studyId;
        _request = request;
        _response = response;
        _body = body;
        _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public string StudyId { get; }

    /// <summary>The next event of type <paramref name="eventType"/> (others are skipped): its data, or null if the stream ended.</summary>
    public async Task<string?> WaitForAsync(string eventType, CancellationToken cancellationToken)
    {
        // Disposing the body is what unblocks a pending read: the parser's enumerator takes no token of its own.
        await using var abort = cancellationToken.Register(() => _body.Dispose());
        try
        {
            while (await _events.MoveNextAsync())
            {
                if (_events.Current.EventType == eventType)
                {
                    return _events.Current.Data;
                }
            }

            return null;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is IOException or ObjectDisposedException or HttpRequestException)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync();
        _response.Dispose();
        _request.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The body is gone already: nothing left to release.
        }
    }
}
