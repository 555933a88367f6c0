namespace CertPlatform.Web.Features.Analytics;

public enum StatisticsTable { Test, Parts, Questions, Options }
