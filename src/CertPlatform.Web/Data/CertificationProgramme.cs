namespace CertPlatform.Web.Data;

/// <summary>
/// A certification programme: what a certificate certifies (its official title and level), how long it is valid, which
/// certificate template prints it and the criteria text. Certification papers name their programme; a certificate
/// freezes the programme's facts at issue. Administrators maintain programmes at /admin/programmes.
/// </summary>
public sealed class CertificationProgramme
{
    /// <summary>The programme seeded by the initial migration (the level-4 certification that existed before programmes).</summary>
    public const string SeededId = "vip-level4";
    public const string SeededName = "VIP客户服务经理岗位技能四级认证";

    /// <summary>Lower-case letters, digits and hyphens.</summary>
    public required string Id { get; set; }
    /// <summary>认证项目名称, shown on certificates, the verify page and HR records.</summary>
    public required string Name { get; set; }
    /// <summary>The official title printed on the certificate ({Title}), e.g. VIP客户服务经理.</summary>
    public required string Title { get; set; }
    /// <summary>The level printed on the certificate ({Level}), e.g. 四级.</summary>
    public required string Level { get; set; }
    public int ValidityMonths { get; set; } = 36;
    /// <summary>The certificate template file, relative to content/certificates.</summary>
    public string Template { get; set; } = "template.yaml";
    /// <summary>What the certification is (the Open Badges achievement's description), free text.</summary>
    public string Description { get; set; } = "";
    /// <summary>What a holder has shown (criteria): the Open Badges achievement's criteria narrative, free text.</summary>
    public string Criteria { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
