using System.Net;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 15: the Open Badges achievement of a credential (name, description, criteria narrative) comes from the
/// certification programme, edited at /admin/programmes, not from configuration; the issuer profile carries the
/// organisation's Chinese name.
/// </summary>
public sealed class ProgrammeAchievementTests : IDisposable
{
    private readonly AppFactory _factory = new AppFactory().With("RateLimits:VerifyPerMinute", "1000");
    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> AdminAsync() => _factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);

    private static Task<HttpResponseMessage> SaveSeededAsync(HttpClient admin, string description, string criteria, string level = "四级") =>
        admin.PostFormAsync($"/admin/programmes/{CertificationProgramme.SeededId}/edit", "/admin/programmes/save",
        [
            F("IsNew", "false"), F("Id", CertificationProgramme.SeededId), F("Name", CertificationProgramme.SeededName), F("Title", "VIP客户服务经理"),
            F("Level", level), F("ValidityMonths", "36"), F("Template", "template.yaml"), F("Description", description), F("Criteria", criteria),
        ]);

    private async Task<JsonNode> CredentialOfNewPassAsync(string email)
    {
        var code = (await _factory.ACertificate(await _factory.NewTraineeClientAsync(email))).VerificationCode;
        return JsonNode.Parse(await _factory.NewClient().GetStringAsync($"/verify/{code}/credential.json"))!;
    }

    [Fact]
    public async Task The_seeded_programme_keeps_the_texts_credentials_carried_and_the_issuer_is_the_chinese_name()
    {
        var seeded = await _factory.ScopedAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == CertificationProgramme.SeededId));
        Assert.Equal("VIP客户服务经理岗位技能四级认证：VIP客户服务经理岗位技能四级认证。", seeded.Description);
        Assert.Equal("通过VIP客户服务经理四级认证考试（满分 100 分，60 分及格）；证书有效期 3 年，期满前后再次通过可换证。", seeded.Criteria);

        var vc = await CredentialOfNewPassAsync("ach-seeded@demo.local");
        var achievement = vc["credentialSubject"]!["achievement"]!;
        Assert.Equal("https://certs.example.test/credentials/achievement", (string)achievement["id"]!);
        Assert.Equal("VIP客户服务经理（四级）", (string)achievement["name"]!);
        Assert.Equal(seeded.Description, (string)achievement["description"]!);
        Assert.Equal(seeded.Criteria, (string)achievement["criteria"]!["narrative"]!);
        Assert.Equal("客户服务培训认证中心", (string)vc["issuer"]!["name"]!);
        Assert.Equal("客户服务培训认证中心", (string)JsonNode.Parse(await _factory.NewClient().GetStringAsync("/credentials/issuer"))!["name"]!);
    }

    [Fact]
    public async Task An_edited_programme_names_the_achievement_of_the_next_credentials_and_the_published_achievement()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSeededAsync(admin, "面向政企VIP客户经理的岗位技能认证。", "通过四级认证考试并完成现场服务考核。", level: "高级")).StatusCode);

        var achievement = (await CredentialOfNewPassAsync("ach-edited@demo.local"))["credentialSubject"]!["achievement"]!;
        Assert.Equal("VIP客户服务经理（高级）", (string)achievement["name"]!);
        Assert.Equal("面向政企VIP客户经理的岗位技能认证。", (string)achievement["description"]!);
        Assert.Equal("通过四级认证考试并完成现场服务考核。", (string)achievement["criteria"]!["narrative"]!);

        var published = JsonNode.Parse(await _factory.NewClient().GetStringAsync("/credentials/achievement"))!;
        Assert.Equal("面向政企VIP客户经理的岗位技能认证。", (string)published["description"]!);
        Assert.Equal(published.ToJsonString(), (await _factory.NewClient().GetStringAsync($"/credentials/achievement/{CertificationProgramme.SeededId}")).Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.NewClient().GetAsync("/credentials/achievement/no-such-programme")).StatusCode);
    }

    [Fact]
    public async Task Description_and_criteria_are_required_and_a_refused_edit_changes_nothing()
    {
        var admin = await AdminAsync();
        var refused = await SaveSeededAsync(admin, "  ", new string('长', 2001));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("请填写认证说明", page);
        Assert.Contains("认证标准不能超过 2000 字", page);
        var seeded = await _factory.ScopedAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == CertificationProgramme.SeededId));
        Assert.StartsWith("VIP客户服务经理岗位技能四级认证：", seeded.Description);
    }
}
