using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPlatform.IntegrationTests.Features.Papers;

/// <summary>
/// The paper edit model on the real app (SQLite file): a blueprint is measured against the pool the paper's kind may draw
/// from (certification: secure questions; mock: practice ones), a fixed paper is not measured, the form as posted gets
/// blank section rows, and an unknown paper has no model.
/// </summary>
public sealed class PaperEditQueriesTests : IDisposable
{
    private const string Lesson = "p3-broadband-care";
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<T> WithQueries<T>(Func<PaperEditQueries, Task<T>> use) => _factory.Scoped(s => use(s.GetRequiredService<PaperEditQueries>()));

    private static PaperForm Form(string kind, string mode, int count) => new()
    {
        Id = "edit-model", Title = "编辑模型", Kind = kind, Mode = mode,
        Sections = [new PaperSectionRow { Title = "宽带关怀单选", Count = count, PointsEach = 1, LessonId = Lesson, Type = nameof(QuestionType.Single) }],
    };

    [Fact]
    public async Task A_blueprint_is_measured_against_the_pool_of_the_papers_kind()
    {
        // Two more of the lesson's single-choice questions move to the secure pool, so both pools hold some.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var record in await db.Questions.Where(q => q.LessonId == Lesson && q.Type == nameof(QuestionType.Single) && q.Pool == QuestionPool.Practice).OrderBy(q => q.Id).Take(2).ToListAsync())
            {
                record.Pool = QuestionPool.Secure;
                var version = await db.QuestionVersions.SingleAsync(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion);
                version.PayloadJson = QuestionJson.Serialize(QuestionJson.Deserialize(version.PayloadJson) with { Pool = QuestionPool.Secure });
            }
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<QuestionVersionCache>().Invalidate();
        }
        var ready = await _factory.ScopedAsync(db => db.Questions.AsNoTracking()
            .Where(q => q.LessonId == Lesson && q.Type == nameof(QuestionType.Single) && q.Status == nameof(QuestionStatus.Ready)).Select(q => q.Pool).ToListAsync());
        var secure = ready.Count(p => p == QuestionPool.Secure);
        var practice = ready.Count(p => p == QuestionPool.Practice);
        Assert.True(secure >= 2 && practice >= 1, $"the lesson should hold both pools ({secure} secure, {practice} practice)");

        var certification = await WithQueries(q => q.RedisplayAsync(Form(PaperKind.Certification, PaperMode.Blueprint, secure + 1), default));
        var mock = await WithQueries(q => q.RedisplayAsync(Form(PaperKind.Mock, PaperMode.Blueprint, practice), default));

        Assert.Equal(secure, Assert.Single(certification.Feasibility).Available);
        Assert.False(certification.Feasibility[0].Feasible);
        Assert.Equal(practice, Assert.Single(mock.Feasibility).Available);
        Assert.True(mock.Feasibility[0].Feasible);
        Assert.Equal(4, mock.Form.Sections.Count); // the typed row and three blank ones
        Assert.Equal(mock.Tags.Distinct().Order(), mock.Tags);
    }

    [Fact]
    public async Task A_fixed_paper_is_not_measured_and_an_unknown_paper_has_no_model()
    {
        var model = await WithQueries(q => q.RedisplayAsync(Form(PaperKind.Mock, PaperMode.Fixed, 3), default));
        Assert.Empty(model.Feasibility);
        Assert.Null(await WithQueries(q => q.EditAsync("no-such-paper", default)));
        var blank = await WithQueries(q => q.NewAsync(default));
        Assert.True(blank.Form.IsNew);
        Assert.Equal(3, blank.Form.Sections.Count);
        Assert.All(blank.Form.Sections, s => Assert.True(s.IsEmpty));
        var seeded = await WithQueries(q => q.EditAsync(PaperSeeder.CertificationId, default));
        Assert.NotNull(seeded);
        Assert.Equal(PaperSeeder.CertificationBlueprint.Count, seeded.Feasibility.Count);
        Assert.All(seeded.Feasibility, s => Assert.True(s.Feasible));
    }
}
