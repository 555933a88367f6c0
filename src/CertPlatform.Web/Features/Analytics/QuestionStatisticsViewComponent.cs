using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.Analytics;

/// <summary>The statistics panel on a question's page in the bank: its history across papers and versions.</summary>
public sealed class QuestionStatisticsViewComponent(QuestionHistory history) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string questionId) =>
        View("~/Features/Analytics/Components/QuestionStatistics.cshtml", (questionId, await history.RunAsync(questionId, HttpContext.RequestAborted)));
}
