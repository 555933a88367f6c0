namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>A change <see cref="BulkUpdateQuestions"/> applies to every chosen question.</summary>
public enum BulkQuestionAction { AddTag, RemoveTag, Retire, MakeReady }
