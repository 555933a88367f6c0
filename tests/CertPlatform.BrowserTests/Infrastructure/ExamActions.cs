using System.Text.RegularExpressions;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests.Infrastructure;

/// <summary>
/// The site for the exam tests: the repository's content (question bank, seeded papers). A collection
/// of its own, so the papers these tests create and the attempts they leave are nobody else's concern.
/// </summary>
public sealed class ExamSiteFixture : SiteFixture
{
    protected override string PrepareContent() => RepoPaths.Content;
}

[CollectionDefinition(Name)]
public sealed class ExamSiteCollection : ICollectionFixture<ExamSiteFixture>
{
    public const string Name = "Browser: exams";
}

/// <summary>A question as the exam page shows it: its ref (data-ref) and type (data-type).</summary>
public sealed record ExamQuestion(int Ref, string Type, ILocator Fieldset);

/// <summary>What a trainee does on the exam pages, and what the tests read back from the server's database.</summary>
public static partial class ExamActions
{
    public const string EssayText = "浏览器测试作答：先了解客户需求，再给出方案。";
    public const string FillText = "答案";

    [GeneratedRegex(@"^/exams/attempt/([0-9a-f]{32})$")]
    private static partial Regex SitPath();

    [GeneratedRegex(@"^/exams/attempt/[0-9a-f]{32}/result$")]
    private static partial Regex ResultPath();

    public static string QueueKey(string attemptId) => "certplatform.answers." + attemptId;

    /// <summary>The paper's start page → 开始考试; returns the attempt id from the exam page's address.</summary>
    public static async Task<string> StartFromPaperPageAsync(this IPage page)
    {
        var start = page.Locator("form[action$='/start'] button[type=submit]");
        await Expect(start).ToHaveTextAsync("开始考试");
        await start.ClickAsync();
        return await page.WaitForExamPageAsync();
    }

    /// <summary>Waits until the browser shows an exam page (/exams/attempt/{id}) and returns the id.</summary>
    public static async Task<string> WaitForExamPageAsync(this IPage page)
    {
        await page.WaitForURLAsync(url => SitPath().IsMatch(new Uri(url).AbsolutePath), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        return SitPath().Match(page.PathOf()).Groups[1].Value;
    }

    public static Task WaitForResultPageAsync(this IPage page, float? timeoutMs = null) =>
        page.WaitForURLAsync(url => ResultPath().IsMatch(new Uri(url).AbsolutePath),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs ?? SiteFixture.TimeoutMs });

    /// <summary>The questions on the exam page, in page order.</summary>
    public static async Task<IReadOnlyList<ExamQuestion>> QuestionsAsync(this IPage page)
    {
        var fieldsets = page.Locator("fieldset.question");
        var meta = await fieldsets.EvaluateAllAsync<string[][]>("fs => fs.map(f => [f.dataset.ref, f.dataset.type])");
        return meta.Select(m => new ExamQuestion(int.Parse(m[0], System.Globalization.CultureInfo.InvariantCulture), m[1],
            page.Locator($"fieldset.question[data-ref='{m[0]}']"))).ToList();
    }

    /// <summary>
    /// Answers one question the simple way: first option, "true", "答案" in every blank, the first
    /// choice in every matching list, items in shown order, a sentence for an essay; case parts each by their type.
    /// Text fields are left (blur) so the page saves them at once rather than after its typing pause.
    /// </summary>
    public static async Task AnswerAsync(ExamQuestion q) => await AnswerAsync(q.Fieldset, ExamForm.Prefix(q.Ref), q.Type);

    private static async Task AnswerAsync(ILocator root, string prefix, string type)
    {
        switch (type)
        {
            case "single":
            case "multiple":
                await root.Locator($"input[name='{prefix}'][value='0']").CheckAsync();
                break;
            case "trueFalse":
                await root.Locator($"input[name='{prefix}'][value='true']").CheckAsync();
                break;
            case "fill":
                foreach (var blank in await root.Locator($"input[type=text][name^='{prefix}.b']").AllAsync())
                {
                    await blank.FillAsync(FillText);
                    await blank.BlurAsync();
                }
                break;
            case "matching":
                foreach (var select in await root.Locator($"select[name^='{prefix}.m']").AllAsync())
                    await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
                break;
            case "ordering":
                var items = await root.Locator($"select[name^='{prefix}.o']").AllAsync();
                for (var i = 0; i < items.Count; i++)
                    await root.Locator($"select[name='{prefix}.o{i}']").SelectOptionAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "essay":
                var text = root.Locator($"textarea[name='{prefix}.text']");
                await text.FillAsync(EssayText);
                await text.BlurAsync();
                break;
            case "case":
                var parts = root.Locator("fieldset.case-part");
                var meta = await parts.EvaluateAllAsync<string[][]>("ps => ps.map(p => [p.dataset.prefix, p.dataset.type])");
                Assert.NotEmpty(meta);
                foreach (var m in meta)
                    await AnswerAsync(root.Locator($"fieldset.case-part[data-prefix='{m[0]}']"), m[0], m[1]);
                break;
            default:
                throw new InvalidOperationException($"question type {type} has no answering step");
        }
    }

    /// <summary>The page reports every answer saved and its offline queue (localStorage) is empty.</summary>
    public static async Task WaitUntilSavedAsync(this IPage page, string attemptId)
    {
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
        await page.WaitForFunctionAsync("key => localStorage.getItem(key) === null", QueueKey(attemptId),
            new PageWaitForFunctionOptions { Timeout = SiteFixture.TimeoutMs, PollingInterval = 100 });
        await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
    }

    /// <summary>How many answers wait in the page's offline queue.</summary>
    public static Task<int> QueuedAnswersAsync(this IPage page, string attemptId) =>
        page.EvaluateAsync<int>("key => JSON.parse(localStorage.getItem(key) || '[]').length", QueueKey(attemptId));

    // --- the server's side ---

    /// <summary>Runs a query against the site's database in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this SiteFixture site, Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Asks again (every 100 ms) until <paramref name="done"/> holds, for at most the fixture's timeout.</summary>
    public static async Task<T> PollAsync<T>(this SiteFixture site, Func<AppDbContext, Task<T>> query, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMilliseconds(SiteFixture.TimeoutMs));
        while (true)
        {
            var value = await site.QueryAsync(query);
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited in vain for {what}; last seen: {Describe(value)}");
            await Task.Delay(100);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>()) + "]",
        _ => value.ToString() ?? "",
    };

    public static Task<Attempt> AttemptAsync(this SiteFixture site, string attemptId) =>
        site.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));

    /// <summary>The stored answers of an attempt by question ref, parsed.</summary>
    public static Task<Dictionary<int, Response>> AnswersAsync(this SiteFixture site, string attemptId) =>
        site.QueryAsync(async db => (await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).ToListAsync())
            .ToDictionary(a => a.QuestionRef, a => ResponseJson.Deserialize(a.ResponseJson)));

    /// <summary>Polls until the server holds a stored answer to <paramref name="questionRef"/> that satisfies <paramref name="check"/>.</summary>
    public static async Task<Response> WaitForStoredAnswerAsync(this SiteFixture site, string attemptId, int questionRef, Func<Response, bool> check, string what)
    {
        var answers = await site.PollAsync(db => db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId && a.QuestionRef == questionRef)
                .Select(a => a.ResponseJson).ToListAsync(),
            rows => rows.Count == 1 && check(ResponseJson.Deserialize(rows[0])), what);
        return ResponseJson.Deserialize(answers[0]);
    }

    /// <summary>Every explanation (the question's own and its case parts') of the questions the attempt drew.</summary>
    public static Task<IReadOnlyList<string>> ExplanationsAsync(this SiteFixture site, string attemptId) =>
        site.QueryAsync<IReadOnlyList<string>>(async db =>
        {
            var attempt = await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId);
            var bank = site.Services.GetRequiredService<QuestionVersionCache>();
            var explanations = new List<string>();
            foreach (var l in AttemptLayout.Parse(attempt.LayoutJson))
            {
                var q = await bank.GetAsync(l.QuestionId, l.Version, db, CancellationToken.None);
                explanations.AddRange(new[] { q }.Concat(q.Parts).Select(x => x.Explanation.Trim()).Where(e => e.Length > 0));
            }
            return explanations;
        });

    /// <summary>True when the page's HTML holds the text (as is, or with the characters HTML escapes escaped).</summary>
    public static bool HtmlContains(string html, string text) =>
        html.Contains(text, StringComparison.Ordinal) ||
        html.Contains(text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\u00a0", "&nbsp;", StringComparison.Ordinal), StringComparison.Ordinal);

    /// <summary>
    /// A published mock paper for everyone with mock-part1's blueprint: optionally closing soon (the
    /// server caps an attempt's deadline at the close time) and with a focus-loss limit.
    /// </summary>
    public static async Task<string> CreatePaperAsync(this SiteFixture site, string idPrefix, DateTimeOffset? closesAt = null, int? focusLossLimit = null)
    {
        var id = $"{idPrefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var template = await db.Papers.AsNoTracking().SingleAsync(p => p.Id == "mock-part1");
        var now = DateTimeOffset.UtcNow;
        db.Papers.Add(new Paper
        {
            Id = id, Title = $"浏览器测试试卷 {id}", Kind = "mock", Status = "published", Audience = "all",
            TimeLimitMinutes = 30, PassMark = template.PassMark, AttemptsAllowed = 0, BlueprintJson = template.BlueprintJson,
            ClosesAt = closesAt, FocusLossLimit = focusLossLimit, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
