using System.Text.RegularExpressions;
using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>The exam page on a 390×844 phone, used with the keyboard: focus stays visible and things are named.</summary>
[Collection(ExamSiteCollection.Name)]
public sealed partial class ExamFocusTests(ExamSiteFixture site)
{
    [Fact]
    public async Task Tabbing_through_the_exam_page_on_a_phone_never_hides_focus_under_the_sticky_bars()
    {
        var data = await WalkData.ForAsync(site);
        var page = await OpenExamOnPhoneAsync();

        // Question 1 starts on the first screen: compact header, navigator folded.
        var firstQuestion = await page.Locator("fieldset.question").First.BoundingBoxAsync();
        Assert.NotNull(firstQuestion);
        Assert.True(firstQuestion.Y < 844, $"question 1 starts at {firstQuestion.Y} px, below the first screen");
        Assert.False(await page.Locator("#navigator-panel").EvaluateAsync<bool>("d => d.open"));
        await Expect(page.Locator("#timer")).ToHaveCSSAsync("white-space", "nowrap");

        var checkedCount = 0;
        var problems = new List<string>();
        var seen = new HashSet<string>();
        for (var i = 0; i < 250; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var f = await page.EvaluateAsync<FocusBox?>("""
                () => {
                    const e = document.activeElement;
                    if (!e || e === document.body) return null;
                    const r = e.getBoundingClientRect();
                    const bar = document.querySelector('.exam-bar').getBoundingClientRect();
                    const actions = document.querySelector('.exam-actions').getBoundingClientRect();
                    const inBars = !!e.closest('.exam-bar, .exam-actions, .site-header');
                    const style = getComputedStyle(e);
                    return {
                        name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '') + (e.value && e.type === 'radio' ? '=' + e.value : ''),
                        top: r.top, bottom: r.bottom, barTop: bar.top, barBottom: bar.bottom, actionsTop: actions.top, actionsBottom: actions.bottom,
                        inBars, outlineWidth: parseFloat(style.outlineWidth) || 0, outlineStyle: style.outlineStyle, isSubmit: e.id === 'submit-exam',
                    };
                }
                """);
            if (f is null) continue;
            if (!seen.Add(f.Name) && f.IsSubmit) break;
            if (f.InBars) { if (f.IsSubmit) break; continue; }
            checkedCount++;
            // Covered = the element's box overlaps a bar's box (the skip link above the header is not under anything).
            if (f.Top < f.BarBottom - 1 && f.Bottom > f.BarTop + 1) problems.Add($"{f.Name}: top {f.Top:0} under the status bar (bottom {f.BarBottom:0})");
            if (f.Bottom > f.ActionsTop + 1 && f.Top < f.ActionsBottom - 1) problems.Add($"{f.Name}: bottom {f.Bottom:0} under the submit bar (top {f.ActionsTop:0})");
            if (f.OutlineStyle == "none" || f.OutlineWidth < 2) problems.Add($"{f.Name}: focus ring {f.OutlineStyle} {f.OutlineWidth} px");
        }
        Assert.True(checkedCount > 20, $"only {checkedCount} focus stops inside the questions");
        Assert.True(problems.Count == 0, "focused controls hidden or without a ring:\n" + string.Join("\n", problems.Take(20)));
        Assert.NotEmpty(data.OpenAttemptId);
    }

    [Fact]
    public async Task Navigator_links_and_flag_buttons_are_named_with_the_question_number_and_state()
    {
        var page = await OpenExamOnPhoneAsync();
        await page.Locator("#navigator-panel > summary").ClickAsync();
        var questions = await page.QuestionsAsync();
        var answered = await page.Locator("#navigator a.answered").CountAsync();
        Assert.Equal(2, answered);
        await Expect(page.Locator("#navigator a.answered").First).ToHaveAttributeAsync("aria-label", new Regex(@"^第 \d+ 题，已作答$"));
        await Expect(page.Locator("#navigator a:not(.answered)").First).ToHaveAttributeAsync("aria-label", new Regex(@"^第 \d+ 题，未作答$"));
        await Expect(page.Locator("#navigator-count")).ToHaveTextAsync($"已答 2 / {questions.Count}");

        var q = questions[^1];
        var number = await q.Fieldset.GetAttributeAsync("data-number");
        var flag = page.Locator($"button[data-flag='{q.Ref}']");
        await Expect(flag).ToHaveAccessibleNameAsync($"标记第 {number} 题");
        await flag.ClickAsync();
        await Expect(flag).ToHaveAccessibleNameAsync($"取消标记第 {number} 题");
        await Expect(page.Locator($"#nav-{q.Ref}")).ToHaveAttributeAsync("aria-label", $"第 {q.Ref + 1} 题，未作答，已标记");
        await Expect(page.Locator($"#nav-{q.Ref} .flag-icon")).ToBeVisibleAsync();
        await flag.ClickAsync(); // leave the shared attempt as it was
        await Expect(flag).ToHaveAccessibleNameAsync($"标记第 {number} 题");

        // Options: ≥ 20 px boxes centred on the first line of their text.
        var geometry = await page.Locator("fieldset.question[data-type=single] .option").First.EvaluateAsync<double[]>("""
            o => { const i = o.querySelector('input').getBoundingClientRect(); const t = o.querySelector('.letter').getBoundingClientRect();
                   return [i.width, i.height, (i.top + i.bottom) / 2 - (t.top + t.bottom) / 2]; }
            """);
        Assert.True(geometry[0] >= 20 && geometry[1] >= 20, $"option box {geometry[0]}×{geometry[1]} px");
        Assert.True(Math.Abs(geometry[2]) <= 3, $"option box centre {geometry[2]:0.0} px off its text line");
    }

    private async Task<IPage> OpenExamOnPhoneAsync()
    {
        var data = await WalkData.ForAsync(site);
        var context = await site.NewContextAsync(MobileLayoutTests.Phone());
        var page = await context.NewPageAsync();
        var trainee = DemoAccounts.All.Single(a => a.Role == Roles.Trainee);
        await page.LogInAsync(trainee.Email, trainee.Password, $"/exams/attempt/{data.OpenAttemptId}");
        await Expect(page.Locator("#timer")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>What the page reports about the focused element (Playwright fills it through the parameterless constructor).</summary>
    private sealed class FocusBox
    {
        public string Name { get; set; } = "";
        public double Top { get; set; }
        public double Bottom { get; set; }
        public double BarTop { get; set; }
        public double BarBottom { get; set; }
        public double ActionsBottom { get; set; }
        public double ActionsTop { get; set; }
        public bool InBars { get; set; }
        public double OutlineWidth { get; set; }
        public string OutlineStyle { get; set; } = "";
        public bool IsSubmit { get; set; }
    }
}
