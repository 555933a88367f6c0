using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Domain.Exams;

public sealed record DrawnQuestion(string Id, int Section, decimal Points);
