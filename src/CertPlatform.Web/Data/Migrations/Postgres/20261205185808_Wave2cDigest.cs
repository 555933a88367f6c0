using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2cDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing attempts get their digests from Features/Analytics/AttemptDigestBackfill at start-up: SQL cannot
            // decode the layouts and option shuffles; until then statistics read those attempts the slow way.
            migrationBuilder.CreateTable(
                name: "AttemptDigests",
                columns: table => new
                {
                    AttemptId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PaperId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PaperVersion = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    GradedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttemptDigests", x => x.AttemptId);
                    table.ForeignKey(
                        name: "FK_AttemptDigests_Attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "Attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UploadedMatrices",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UploadedMatrices", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttemptDigests_PaperId",
                table: "AttemptDigests",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_UploadedMatrices_ExpiresAt",
                table: "UploadedMatrices",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttemptDigests");

            migrationBuilder.DropTable(
                name: "UploadedMatrices");
        }
    }
}
