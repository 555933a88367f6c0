using CertPlatform.Web.Features.Notifications;

namespace CertPlatform.UnitTests.Features.Notifications;

public sealed class NotificationOptionsValidatorTests
{
    private static IEnumerable<string> Problems(NotificationOptions o) =>
        new NotificationOptionsValidator().Validate(null, o).Failures ?? [];

    [Fact]
    public void Off_without_a_host_and_valid_by_default() =>
        Assert.Multiple(() => Assert.False(new NotificationOptions().IsEnabled), () => Assert.Empty(Problems(new NotificationOptions())));

    [Fact]
    public void A_host_turns_mail_on_and_then_the_sender_is_required()
    {
        var o = new NotificationOptions { Smtp = { Host = "mail.example.test" } };
        Assert.True(o.IsEnabled);
        Assert.Contains(Problems(o), p => p.StartsWith("Notifications:FromAddress"));
        o.FromAddress = "certs@example.test";
        Assert.Empty(Problems(o));
    }

    [Fact]
    public void Bad_values_name_their_keys()
    {
        var o = new NotificationOptions { Enabled = true, MaxAttempts = 0, Smtp = { Security = "Tls13", Port = 0, Username = "u" }, FromAddress = "x" };
        var problems = Problems(o).ToList();
        foreach (var key in new[] { "Notifications:MaxAttempts", "Notifications:Smtp:Security", "Notifications:Smtp:Host", "Notifications:Smtp:Port",
                     "Notifications:FromAddress", "Notifications:Smtp:Password" })
            Assert.Contains(problems, p => p.StartsWith(key));
    }
}
