namespace WidgetPlatform.Query.Requests;

public sealed class StudyForbiddenException(string message) : Exception(message)
{
    public static StudyForbiddenException For(string studyId) => new($"The caller's token does not grant access to study '{studyId}'.");

    public static StudyForbiddenException ForEveryStudy() =>
        new("Acting on every study needs a token for every study ('*'); name one study in 'studyId' instead.");
}
