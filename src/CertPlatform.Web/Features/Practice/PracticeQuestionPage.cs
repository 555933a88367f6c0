using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

public sealed record PracticeQuestionPage(string Token, PracticeState State, PracticeScopeInfo Scope, QuestionView Question, ItemAnswer? Entered);
