using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>A problem found in an employee import file; <see cref="Line"/> 0 means the file as a whole.</summary>
public sealed record ImportProblem(int Line, ImportText Text)
{
    /// <summary>The message in Chinese (logs, tests).</summary>
    public string Message => Text.ToString();

    /// <summary>The message in the localizer's culture, without the line.</summary>
    public string Localize(IStringLocalizer localizer) => Text.Localize(localizer);

    /// <summary>The message with its line ("第 3 行：…", "Line 3: …") in the localizer's culture.</summary>
    public string LocalizeWithLine(IStringLocalizer localizer) =>
        Line > 0 ? localizer["第 {0} 行：{1}", Line, Text.Localize(localizer)] : Text.Localize(localizer);

    public override string ToString() => Line > 0 ? $"第 {Line} 行：{Message}" : Message;
}
