using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave2bProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApprovedVersion",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Papers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgrammeId",
                table: "Papers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Papers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Papers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "PaperVersion",
                table: "Certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ProgrammeId",
                table: "Certificates",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "vip-level4");

            migrationBuilder.AddColumn<string>(
                name: "ProgrammeName",
                table: "Certificates",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "VIP客户服务经理岗位技能四级认证");

            migrationBuilder.AddColumn<int>(
                name: "PaperVersion",
                table: "Attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "PaperApprovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaperId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ApproverId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ApproverName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperApprovals_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperVersions",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperVersions", x => new { x.PaperId, x.Version });
                    table.ForeignKey(
                        name: "FK_PaperVersions_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Programmes",
                columns: new[] { "Id", "CreatedAt", "Criteria", "Level", "Name", "Template", "Title", "UpdatedAt", "ValidityMonths" },
                values: new object[] { "vip-level4", 1309327884288000000L, "通过VIP客户服务经理岗位技能四级认证考试（满分 100 分，60 分及格）；期满前后再次通过可换证。", "四级", "VIP客户服务经理岗位技能四级认证", "template.yaml", "VIP客户服务经理", 1309327884288000000L, 36 });

            // Certification papers that existed before programmes award the seeded level-4 programme (certificates already
            // name it through the column default above).
            migrationBuilder.Sql("UPDATE \"Papers\" SET \"ProgrammeId\" = 'vip-level4' WHERE \"Kind\" = 'certification';");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ProgrammeId",
                table: "Papers",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperApprovals_PaperId_Version_ApproverId",
                table: "PaperApprovals",
                columns: new[] { "PaperId", "Version", "ApproverId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperVersions_AuthorId",
                table: "PaperVersions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Name",
                table: "Programmes",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_Programmes_ProgrammeId",
                table: "Certificates",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Papers_Programmes_ProgrammeId",
                table: "Papers",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_Programmes_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropForeignKey(
                name: "FK_Papers_Programmes_ProgrammeId",
                table: "Papers");

            migrationBuilder.DropTable(
                name: "PaperApprovals");

            migrationBuilder.DropTable(
                name: "PaperVersions");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Papers_ProgrammeId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ApprovedVersion",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "PaperVersion",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ProgrammeName",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "PaperVersion",
                table: "Attempts");
        }
    }
}
