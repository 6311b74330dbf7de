namespace WidgetPlatform.Query.Requests;

public sealed class StudyForbiddenException(string studyId)
    : Exception($"The caller's token does not grant access to study '{studyId}'.");
