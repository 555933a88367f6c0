using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

public sealed record PartPracticeRow(CurriculumPart Part, int Ready, int Answers, int Correct, IReadOnlyList<LessonPracticeRow> Lessons);
