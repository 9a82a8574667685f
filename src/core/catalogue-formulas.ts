// Data elements and formulas for the 19 indicators of the national strategy
// 2021–2030 (Nghị quyết 28/NQ-CP; codes as in reference-data/strategy-2021-2030.json).
// Choices follow how a statistician would compute each from reportable counts:
// ratios of sums (never averages), "% of units" as counts of reporters, survey
// statistics (GSO Labour Force Survey, Population Change Survey) on calendar years,
// administrative counts on NĐ 09/2019 windows. Indicators with two targets (3.2, 5.2,
// 5.4) get one formula per target `subject`. Survey-based elements are weighted
// population totals published by the statistics office, so sums still consolidate.
import type { AgencyType } from "./agencies";
import type { Formula } from "./formula";

export interface DataElementDef {
  code: string;
  name: string;
  nameEn: string;
  /** ["nu", "nam"] when counted by sex, ["total"] otherwise. */
  options: readonly string[];
  /** count: non-negative integer; hours/amount: non-negative number; flag: 0 or 1. */
  valueType: "count" | "hours" | "amount" | "flag";
  /** Who usually reports it: an agency type, or "unit" for the UBND of the unit itself. */
  reportedBy: AgencyType | "unit";
  /** survey: calendar year ("2024C"); administrative: NĐ 09/2019 windows. */
  source: "administrative" | "survey";
  /** Small counts identify victims: suppress in public outputs (DOMAIN.md §4). */
  sensitive?: boolean;
}

export interface IndicatorFormulaDef {
  indicator: string;
  /** Matches `subject` of the strategy targets when an indicator has several. */
  subject: string | null;
  formula: Formula;
  /** Labels the value, never rescales it: must agree with the formula's scale (checkFormulaUnit). */
  unit: "%" | "times" | "per100" | "per1000" | "per100000";
  /** True when the same formula read with option "nu"/"nam" gives the value for girls/boys, women/men. */
  bySex: boolean;
  /** For countOfUnits/qualitative: who the counted reporters are. */
  reporters?: string;
  note: string;
}

const SEX = ["nu", "nam"] as const;
const TOTAL = ["total"] as const;

const de = (
  code: string,
  name: string,
  nameEn: string,
  options: readonly string[],
  valueType: DataElementDef["valueType"],
  reportedBy: DataElementDef["reportedBy"],
  source: DataElementDef["source"],
  sensitive = false,
): DataElementDef => ({
  code,
  name,
  nameEn,
  options,
  valueType,
  reportedBy,
  source,
  ...(sensitive ? { sensitive } : {}),
});

export const CATALOGUE_DATA_ELEMENTS: readonly DataElementDef[] = [
  de(
    "LD_CHUCHOT",
    "Số lãnh đạo chủ chốt của cơ quan, chính quyền",
    "Key leaders of the agency or local government",
    SEX,
    "count",
    "uy_ban",
    "administrative",
  ),
  de("LD_COVIECLAM", "Số lao động có việc làm", "Employed persons", SEX, "count", "thong_ke", "survey"),
  de("LD_LAMCONG", "Số lao động làm công hưởng lương", "Wage and salaried workers", SEX, "count", "thong_ke", "survey"),
  de(
    "LD_NONGNGHIEP",
    "Số lao động có việc làm trong nông, lâm nghiệp và thủy sản",
    "Employed in agriculture, forestry and fishing",
    SEX,
    "count",
    "thong_ke",
    "survey",
  ),
  de(
    "DN_CHU",
    "Số giám đốc/chủ doanh nghiệp, hợp tác xã",
    "Directors/owners of enterprises and cooperatives",
    SEX,
    "count",
    "thong_ke",
    "survey",
  ),
  de(
    "GIO_CVKTC",
    "Tổng số giờ làm công việc nội trợ và chăm sóc không được trả công (giờ/tuần)",
    "Total weekly hours of unpaid domestic and care work",
    SEX,
    "hours",
    "thong_ke",
    "survey",
  ),
  de("DS_15TL", "Dân số từ 15 tuổi trở lên", "Population aged 15 and over", SEX, "count", "thong_ke", "survey"),
  de(
    "NBBL_PHATHIEN",
    "Số người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện",
    "Detected victims of domestic and gender-based violence",
    SEX,
    "count",
    "unit",
    "administrative",
    true,
  ),
  de(
    "NBBL_TIEPCAN",
    "Số người bị bạo lực được phát hiện đã tiếp cận ít nhất một dịch vụ hỗ trợ cơ bản",
    "Detected victims who accessed at least one basic support service",
    SEX,
    "count",
    "unit",
    "administrative",
    true,
  ),
  de(
    "NGBL_PHATHIEN",
    "Số người gây bạo lực được phát hiện, chưa bị truy cứu trách nhiệm hình sự",
    "Detected perpetrators not criminally prosecuted",
    SEX,
    "count",
    "unit",
    "administrative",
    true,
  ),
  de(
    "NGBL_TUVAN",
    "Số người gây bạo lực (chưa bị truy cứu TNHS) được tư vấn, tham vấn",
    "Of whom counselled",
    SEX,
    "count",
    "unit",
    "administrative",
    true,
  ),
  de(
    "NNMB_CANHOTRO",
    "Số nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ",
    "Returned trafficking victims identified as needing support",
    SEX,
    "count",
    "cong_an",
    "administrative",
    true,
  ),
  de(
    "NNMB_DUOCHOTRO",
    "Số nạn nhân bị mua bán có nhu cầu được hưởng dịch vụ hỗ trợ, tái hòa nhập",
    "Of whom received support and reintegration services",
    SEX,
    "count",
    "so",
    "administrative",
    true,
  ),
  de(
    "CSTGXH_CONGLAP",
    "Số cơ sở trợ giúp xã hội công lập",
    "Public social assistance facilities",
    TOTAL,
    "count",
    "so",
    "administrative",
  ),
  de(
    "CSTGXH_BLG",
    "Số cơ sở trợ giúp xã hội công lập triển khai hoạt động phòng ngừa, ứng phó bạo lực trên cơ sở giới",
    "Of which run GBV prevention and response activities",
    TOTAL,
    "count",
    "so",
    "administrative",
  ),
  de("TRE_SINHSONG", "Số trẻ đẻ ra sống", "Live births", SEX, "count", "thong_ke", "survey"),
  de(
    "TUVONG_ME",
    "Số bà mẹ tử vong liên quan đến thai sản",
    "Maternal deaths",
    TOTAL,
    "count",
    "so",
    "administrative",
    true,
  ),
  de(
    "SINH_ME_15_19",
    "Số trẻ đẻ ra sống của phụ nữ 15–19 tuổi",
    "Live births to women aged 15–19",
    TOTAL,
    "count",
    "thong_ke",
    "survey",
  ),
  de("PN_15_19", "Số phụ nữ 15–19 tuổi", "Women aged 15–19", TOTAL, "count", "thong_ke", "survey"),
  de(
    "GD_NOIDUNG_BDG",
    "Đã đưa nội dung giới, bình đẳng giới vào chương trình giảng dạy (1 = có, 0 = chưa)",
    "Gender content included in the curriculum (1 yes, 0 no)",
    TOTAL,
    "flag",
    "so",
    "administrative",
  ),
  de(
    "HS_DTTS_LOP5",
    "Số học sinh dân tộc thiểu số lớp 5 cuối năm học",
    "Ethnic-minority pupils in grade 5 at year end",
    SEX,
    "count",
    "so",
    "administrative",
  ),
  de(
    "HS_DTTS_HTTH",
    "Số học sinh dân tộc thiểu số hoàn thành chương trình tiểu học",
    "Ethnic-minority pupils completing primary school",
    SEX,
    "count",
    "so",
    "administrative",
  ),
  de(
    "HS_DTTS_LOP9",
    "Số học sinh dân tộc thiểu số lớp 9 cuối năm học",
    "Ethnic-minority pupils in grade 9 at year end",
    SEX,
    "count",
    "so",
    "administrative",
  ),
  de(
    "HS_DTTS_HTTHCS",
    "Số học sinh dân tộc thiểu số hoàn thành chương trình trung học cơ sở",
    "Ethnic-minority pupils completing lower secondary",
    SEX,
    "count",
    "so",
    "administrative",
  ),
  de(
    "TS_GDNN",
    "Số người được tuyển mới trong hệ thống giáo dục nghề nghiệp",
    "New enrolments in vocational education",
    SEX,
    "count",
    "so",
    "administrative",
  ),
  de(
    "NGUOI_THACSI",
    "Số người có trình độ thạc sĩ",
    "Persons holding a master's degree",
    SEX,
    "count",
    "thong_ke",
    "survey",
  ),
  de("NGUOI_TIENSI", "Số người có trình độ tiến sĩ", "Persons holding a doctorate", SEX, "count", "thong_ke", "survey"),
  de(
    "DS_TIEPCAN_BDG",
    "Số người từ 15 tuổi trở lên được tiếp cận kiến thức cơ bản về bình đẳng giới",
    "Persons 15+ with access to basic knowledge on gender equality",
    SEX,
    "count",
    "thong_ke",
    "survey",
  ),
  de(
    "TC_TONGSO",
    "Số tổ chức Đảng, chính quyền, cơ quan, tổ chức, đoàn thể",
    "Party organisations, authorities, agencies, organisations and unions",
    TOTAL,
    "count",
    "unit",
    "administrative",
  ),
  de(
    "TC_PHOBIEN_CAMKET",
    "Số tổ chức được phổ biến, cập nhật thông tin và cam kết thực hiện bình đẳng giới",
    "Of which informed and committed to gender equality",
    TOTAL,
    "count",
    "unit",
    "administrative",
  ),
  de(
    "TIN_BAI_BDG",
    "Số tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở (trong quý)",
    "News items on gender equality on the grassroots information system (per quarter)",
    TOTAL,
    "count",
    "unit",
    "administrative",
  ),
  de(
    "DAI_CHUYENMUC_BDG",
    "Số chuyên mục, chuyên đề về bình đẳng giới đã phát sóng",
    "Programmes or series on gender equality broadcast",
    TOTAL,
    "count",
    "dai",
    "administrative",
  ),
];

const ratio = (numerator: string, denominator: string, part?: string, whole?: string): Formula => ({
  kind: "ratio",
  numerator,
  denominator,
  scale: 100,
  ...(part && whole ? { partOf: [{ part, whole }] } : {}),
});

export const CATALOGUE_FORMULAS: readonly IndicatorFormulaDef[] = [
  {
    indicator: "1.1",
    subject: null,
    formula: { kind: "countOfUnits", condition: "#{LD_CHUCHOT.nu} >= 1", scale: 100 },
    unit: "%",
    bySex: false,
    reporters: "cơ quan quản lý nhà nước và UBND các cấp",
    note: "Tỷ lệ cơ quan/chính quyền có ít nhất một lãnh đạo chủ chốt là nữ = số đạt / số báo cáo × 100.",
  },
  {
    indicator: "2.1",
    subject: null,
    formula: ratio("#{LD_LAMCONG.nu}", "#{LD_COVIECLAM.nu}", "LD_LAMCONG", "LD_COVIECLAM"),
    unit: "%",
    bySex: false,
    note: "Lao động nữ làm công hưởng lương / lao động nữ có việc làm × 100 (Điều tra lao động việc làm).",
  },
  {
    indicator: "2.2",
    subject: null,
    formula: ratio("#{LD_NONGNGHIEP.nu}", "#{LD_COVIECLAM.nu}", "LD_NONGNGHIEP", "LD_COVIECLAM"),
    unit: "%",
    bySex: false,
    note: "Lao động nữ trong nông, lâm, thủy sản / lao động nữ có việc làm × 100.",
  },
  {
    indicator: "2.3",
    subject: null,
    formula: ratio("#{DN_CHU.nu}", "#{DN_CHU}"),
    unit: "%",
    bySex: false,
    note: "Nữ giám đốc/chủ DN, HTX / tổng số giám đốc/chủ × 100.",
  },
  {
    indicator: "3.1",
    subject: null,
    formula: {
      kind: "ratioOfRatios",
      a: "#{GIO_CVKTC.nu}",
      b: "#{DS_15TL.nu}",
      c: "#{GIO_CVKTC.nam}",
      d: "#{DS_15TL.nam}",
      scale: 1,
    },
    unit: "times",
    bySex: false,
    note: "Số giờ bình quân của nữ / của nam (tổng giờ ÷ dân số 15+ theo giới), tính từ tổng nên cộng dồn được.",
  },
  {
    indicator: "3.2",
    subject: "người bị bạo lực được tiếp cận dịch vụ hỗ trợ cơ bản",
    formula: ratio("#{NBBL_TIEPCAN}", "#{NBBL_PHATHIEN}", "NBBL_TIEPCAN", "NBBL_PHATHIEN"),
    unit: "%",
    bySex: true,
    note: "Người bị bạo lực được tiếp cận ≥ 1 dịch vụ / người bị bạo lực được phát hiện × 100.",
  },
  {
    indicator: "3.2",
    subject: "người gây bạo lực được tư vấn, tham vấn",
    formula: ratio("#{NGBL_TUVAN}", "#{NGBL_PHATHIEN}", "NGBL_TUVAN", "NGBL_PHATHIEN"),
    unit: "%",
    bySex: true,
    note: "Người gây bạo lực được tư vấn / người gây bạo lực được phát hiện chưa bị truy cứu TNHS × 100.",
  },
  {
    indicator: "3.3",
    subject: null,
    formula: ratio("#{NNMB_DUOCHOTRO}", "#{NNMB_CANHOTRO}", "NNMB_DUOCHOTRO", "NNMB_CANHOTRO"),
    unit: "%",
    bySex: true,
    note: "Nạn nhân được hỗ trợ / nạn nhân có nhu cầu hỗ trợ × 100 (từ 2025).",
  },
  {
    indicator: "3.4",
    subject: null,
    formula: ratio("#{CSTGXH_BLG}", "#{CSTGXH_CONGLAP}", "CSTGXH_BLG", "CSTGXH_CONGLAP"),
    unit: "%",
    bySex: false,
    note: "Cơ sở TGXH công lập có hoạt động về bạo lực giới / tổng số cơ sở TGXH công lập × 100.",
  },
  {
    indicator: "4.1",
    subject: null,
    formula: { kind: "ratio", numerator: "#{TRE_SINHSONG.nam}", denominator: "#{TRE_SINHSONG.nu}", scale: 100 },
    unit: "per100",
    bySex: false,
    note: "Số bé trai / số bé gái sinh ra sống × 100.",
  },
  {
    indicator: "4.2",
    subject: null,
    formula: { kind: "rate", numerator: "#{TUVONG_ME}", denominator: "#{TRE_SINHSONG}", per: 100000 },
    unit: "per100000",
    bySex: false,
    note: "Tử vong mẹ / trẻ đẻ sống × 100.000; số nhỏ: chỉ có ý nghĩa ở cấp tỉnh trở lên, nhiều năm.",
  },
  {
    indicator: "4.3",
    subject: null,
    formula: { kind: "rate", numerator: "#{SINH_ME_15_19}", denominator: "#{PN_15_19}", per: 1000 },
    unit: "per1000",
    bySex: false,
    note: "Số trẻ sinh ra sống của phụ nữ 15–19 tuổi / số phụ nữ 15–19 tuổi × 1.000.",
  },
  {
    indicator: "5.1",
    subject: null,
    formula: { kind: "qualitative", dataElement: "GD_NOIDUNG_BDG", scale: 100 },
    unit: "%",
    bySex: false,
    reporters: "Sở Giáo dục và Đào tạo, cơ sở giáo dục, trường sư phạm",
    note: "Định tính: tỷ lệ đơn vị báo cáo đã thực hiện = số đã thực hiện / số báo cáo × 100; mục tiêu “= 1” (đã thực hiện) được so như 100%.",
  },
  {
    indicator: "5.2",
    subject: "hoàn thành giáo dục tiểu học",
    formula: ratio("#{HS_DTTS_HTTH}", "#{HS_DTTS_LOP5}", "HS_DTTS_HTTH", "HS_DTTS_LOP5"),
    unit: "%",
    bySex: true,
    note: "Tính riêng cho trẻ em trai và trẻ em gái (option nam/nu); mục tiêu áp dụng cho từng giới.",
  },
  {
    indicator: "5.2",
    subject: "hoàn thành cấp trung học cơ sở",
    formula: ratio("#{HS_DTTS_HTTHCS}", "#{HS_DTTS_LOP9}", "HS_DTTS_HTTHCS", "HS_DTTS_LOP9"),
    unit: "%",
    bySex: true,
    note: "Như trên, cho cấp trung học cơ sở.",
  },
  {
    indicator: "5.3",
    subject: null,
    formula: ratio("#{TS_GDNN.nu}", "#{TS_GDNN}"),
    unit: "%",
    bySex: false,
    note: "Nữ được tuyển mới / tổng số tuyển mới giáo dục nghề nghiệp × 100.",
  },
  {
    indicator: "5.4",
    subject: "nữ thạc sĩ",
    formula: ratio("#{NGUOI_THACSI.nu}", "#{NGUOI_THACSI}"),
    unit: "%",
    bySex: false,
    note: "Nữ thạc sĩ / tổng số thạc sĩ × 100.",
  },
  {
    indicator: "5.4",
    subject: "nữ tiến sĩ",
    formula: ratio("#{NGUOI_TIENSI.nu}", "#{NGUOI_TIENSI}"),
    unit: "%",
    bySex: false,
    note: "Nữ tiến sĩ / tổng số tiến sĩ × 100.",
  },
  {
    indicator: "6.1",
    subject: null,
    formula: ratio("#{DS_TIEPCAN_BDG}", "#{DS_15TL}", "DS_TIEPCAN_BDG", "DS_15TL"),
    unit: "%",
    bySex: true,
    note: "Ước lượng từ điều tra: người 15+ được tiếp cận kiến thức cơ bản về BĐG / dân số 15+ × 100.",
  },
  {
    indicator: "6.2",
    subject: null,
    formula: ratio("#{TC_PHOBIEN_CAMKET}", "#{TC_TONGSO}", "TC_PHOBIEN_CAMKET", "TC_TONGSO"),
    unit: "%",
    bySex: false,
    note: "Tổ chức được phổ biến và cam kết / tổng số tổ chức × 100.",
  },
  {
    indicator: "6.3",
    subject: null,
    formula: { kind: "countOfUnits", condition: "#{TIN_BAI_BDG} >= 4", every: "quarter", scale: 100 },
    unit: "%",
    bySex: false,
    reporters: "UBND xã, phường, đặc khu",
    note: "Xã đạt khi MỖI quý có ít nhất 04 tin, bài; quý không báo cáo tính là không đạt.",
  },
  {
    indicator: "6.4",
    subject: null,
    formula: { kind: "countOfUnits", condition: "#{DAI_CHUYENMUC_BDG} >= 1", scale: 100 },
    unit: "%",
    bySex: false,
    reporters: "Đài Phát thanh – Truyền hình (cơ quan loại “dai”)",
    note: "Tỷ lệ đài có ít nhất một chuyên mục, chuyên đề về bình đẳng giới trong kỳ.",
  },
];

export function formulasOfIndicator(indicator: string): IndicatorFormulaDef[] {
  return CATALOGUE_FORMULAS.filter((f) => f.indicator === indicator);
}

export function dataElementDef(code: string): DataElementDef | undefined {
  return CATALOGUE_DATA_ELEMENTS.find((d) => d.code === code);
}
