using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2cGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Programmes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.UpdateData(
                table: "Programmes",
                keyColumn: "Id",
                keyValue: "vip-level4",
                columns: new[] { "Criteria", "Description" },
                values: new object[] { "通过VIP客户服务经理四级认证考试（满分 100 分，60 分及格）；证书有效期 3 年，期满前后再次通过可换证。", "VIP客户服务经理岗位技能四级认证：VIP客户服务经理岗位技能四级认证。" });

            // Programmes an administrator created before: the Open Badges achievement needs both texts.
            migrationBuilder.Sql("UPDATE \"Programmes\" SET \"Description\" = \"Title\" || '（' || \"Level\" || '）认证。' WHERE \"Description\" = ''");
            migrationBuilder.Sql("UPDATE \"Programmes\" SET \"Criteria\" = '通过' || \"Title\" || \"Level\" || '认证考试。' WHERE \"Criteria\" = ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Description",
                table: "Programmes");

            migrationBuilder.UpdateData(
                table: "Programmes",
                keyColumn: "Id",
                keyValue: "vip-level4",
                column: "Criteria",
                value: "通过VIP客户服务经理岗位技能四级认证考试（满分 100 分，60 分及格）；期满前后再次通过可换证。");
        }
    }
}
