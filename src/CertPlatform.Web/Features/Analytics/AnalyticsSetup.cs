namespace CertPlatform.Web.Features.Analytics;

public static class AnalyticsSetup
{
    /// <summary>Item analysis: paper statistics, uploaded results matrices, the question panel, cohort mastery, and the figures blueprint draws use.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section)
            .Validate(o => o.Flags.TooHardFacility is >= 0 and <= 100 && o.Flags.TooEasyFacility is >= 0 and <= 100 && o.Flags.TooHardFacility < o.Flags.TooEasyFacility,
                "Analytics:Flags:TooHardFacility and Analytics:Flags:TooEasyFacility must be percentages (0–100) with TooHardFacility below TooEasyFacility")
            .Validate(o => o.Flags.WeakDiscrimination is >= 0 and <= 100, "Analytics:Flags:WeakDiscrimination must be a percentage (0–100)")
            .Validate(o => o.Flags.UnusedDistractorPercent is >= 0 and <= 100, "Analytics:Flags:UnusedDistractorPercent must be a percentage (0–100)")
            .Validate(o => o.Flags.LowReliability <= 100, "Analytics:Flags:LowReliability must be a percentage of at most 100")
            .Validate(o => o.Flags.MinResponses >= 1, "Analytics:Flags:MinResponses must be 1 or more")
            .Validate(o => o.ObservedFacilityMinResponses >= 1, "Analytics:ObservedFacilityMinResponses must be 1 or more")
            .Validate(o => o.ItemQualityCacheSeconds >= 0, "Analytics:ItemQualityCacheSeconds must be 0 or more")
            .Validate(o => o.DigestCatchUpSeconds is >= 1 and <= 86400, "Analytics:DigestCatchUpSeconds must be 1–86400 (seconds)")
            .ValidateOnStart();
        services.AddScoped<StatisticsIndex>();
        services.AddScoped<PaperStatistics>();
        services.AddScoped<UploadStatistics>();
        services.AddScoped<QuestionHistory>();
        services.AddScoped<CohortMastery>();
        services.AddScoped<UploadedMatrices>();
        services.AddSingleton<ItemQuality>();
        services.AddScoped<AttemptDigestWriter>();
        services.AddSingleton<DamagedAttemptDigests>();
        services.AddSingleton<AttemptDigestQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<AttemptDigestQueue>());
        services.AddSingleton<AttemptDigestBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<AttemptDigestBackfill>());
        services.AddSingleton<StatisticsWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<StatisticsWarmUp>());
        return services;
    }
}
