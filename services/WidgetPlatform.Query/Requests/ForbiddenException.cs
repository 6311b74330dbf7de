namespace WidgetPlatform.Query.Requests;

/// <summary>A caller allowed in but not to this: another study, every study, or what only admins may ask. Answered 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message)
{
    public static ForbiddenException For(string studyId) => new($"The caller's token does not grant access to study '{studyId}'.");

    public static ForbiddenException ForEveryStudy() =>
        new("Acting on every study needs a token for every study ('*'); name one study in 'studyId' instead.");

    public static ForbiddenException AdminOnly(string what) => new($"{what} is for admins; the caller's role is not admin.");
}
