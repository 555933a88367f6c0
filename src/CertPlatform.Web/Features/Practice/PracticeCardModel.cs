using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

/// <summary>The dashboard card: open mistakes and the weakest lessons.</summary>
public sealed record PracticeCardModel(int OpenMistakes, IReadOnlyList<WeakTopic> Weak);
