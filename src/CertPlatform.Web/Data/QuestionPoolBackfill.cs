namespace CertPlatform.Web.Data;

/// <summary>
/// Fills <see cref="QuestionRecord.Pool"/> for questions that existed before the column: a question whose current
/// version's JSON says <c>"pool": "secure"</c> is secure, every other one practice (the column default).
/// Quoted identifiers and LIKE work the same on SQLite and PostgreSQL. Used by the Wave2bPools migrations.
/// </summary>
public static class QuestionPoolBackfill
{
    public const string Sql =
        """
        UPDATE "Questions" SET "Pool" = 'Secure'
        WHERE EXISTS (SELECT 1 FROM "QuestionVersions" v
                      WHERE v."QuestionId" = "Questions"."Id" AND v."Version" = "Questions"."CurrentVersion"
                        AND v."PayloadJson" LIKE '%"pool": "secure"%');
        """;
}
