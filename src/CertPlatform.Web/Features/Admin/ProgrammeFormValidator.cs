using CertPlatform.Web.Content;
using CertPlatform.Web.Infrastructure.Pdf;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed class ProgrammeFormValidator : AbstractValidator<ProgrammeForm>
{
    public ProgrammeFormValidator(IStringLocalizer<SharedResource> L, CertificateTemplates templates)
    {
        RuleFor(f => f.Id).Must(id => LessonParser.IsValidId((id ?? "").Trim()) && id!.Trim().Length <= 64).When(f => f.IsNew)
            .WithMessage(L["编号只能包含小写字母、数字和连字符"]);
        RuleFor(f => f.Name).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写认证项目名称"]).MaximumLength(100);
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写证书上的正式名称"]).MaximumLength(100);
        RuleFor(f => f.Level).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写级别"]).MaximumLength(32);
        RuleFor(f => f.ValidityMonths).InclusiveBetween(1, 240).WithMessage(L["有效期应为 1–240 个月"]);
        // Open Badges 3.0 requires both in the achievement of every credential.
        RuleFor(f => f.Description).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写认证说明"])
            .MaximumLength(1000).WithMessage(L["认证说明不能超过 {0} 字", 1000]);
        RuleFor(f => f.Criteria).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写认证标准"])
            .MaximumLength(2000).WithMessage(L["认证标准不能超过 {0} 字", 2000]);
        // A file name in the templates' folder that loads as a template: the error names the file and the line to fix.
        RuleFor(f => f.Template).Custom((name, context) =>
        {
            var trimmed = (name ?? "").Trim();
            if (!CertificateTemplates.IsFileName(trimmed) || !File.Exists(templates.PathOf(trimmed)))
                context.AddFailure(L["证书模板 content/certificates/{0} 不存在", trimmed]);
            else if (templates.Check(trimmed) is { } problem)
                context.AddFailure(L["证书模板有误：{0}", problem]);
        });
    }
}
