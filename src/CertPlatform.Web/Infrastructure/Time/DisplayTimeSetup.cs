using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Infrastructure.Time;

public static class DisplayTimeSetup
{
    /// <summary>Registers <see cref="DisplayTime"/> from "Display:TimeZone", checked at start (an unknown zone stops start-up naming the key).</summary>
    public static IServiceCollection AddDisplayTime(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DisplayOptions>().Bind(config.GetSection(DisplayOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                $"{DisplayOptions.TimeZoneKey} must be a known time zone id such as Asia/Shanghai")
            .ValidateOnStart();
        services.AddSingleton(sp => new DisplayTime(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<DisplayOptions>>().Value.TimeZone)));
        return services;
    }
}
