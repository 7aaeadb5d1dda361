/**
 * The Chinese names zh-CN Excel shows for each parameter in the formula tooltip (the
 * default functions.json); the en-US file keeps the ASCII names. Microsoft's custom
 * functions metadata takes a localized `name` and `description` per parameter, one file
 * per language (docs/excel-behaviour.md). One name, one meaning across functions, so the
 * table is keyed by the parameter's ASCII name; test/registry.test.ts fails when a
 * parameter of the registry has no Chinese name here.
 */
export const PARAM_NAMES_ZH: Readonly<Record<string, string>> = {
  total: '名额总数',
  weights: '权重',
  method: '分配方法',
  minimum: '最少名额',
  maximum: '最多名额',
  budget: '预算',
  drivers: '驱动量',
  lumpSums: '一次性拨款',
  floors: '保底额',
  caps: '封顶额',
  detail: '明细',
  primary: '小学生数',
  junior: '初中生数',
  boarders: '寄宿生数',
  special: '特教生数',
  profile: '政策配置',
  rural: '农村学校',
  students: '学生数',
  level: '学段',
  classes: '班级数',
  count: '人数',
  per: '每岗人数',
  rounding: '取整方式',
  schoolsPerArea: '责任区学校数',
  schoolsPerInspector: '每名督学学校数',
  minFullTimePerArea: '每区最少专职',
  maxFullTimeShare: '专职占比上限',
  birthdate: '出生日期',
  category: '退休类别',
  yearsAtSchool: '本校任教年限',
  minYears: '最低年限',
  retireCategory: '退休类别',
  asOf: '基准日期',
  exemptYears: '免交流年限',
  eligible: '符合条件人数',
  rate: '交流比例',
  backboneShare: '骨干比例',
  backboneBase: '骨干比例基数',
  backboneEligible: '符合条件骨干数',
  values: '指标值',
  indicators: '七项指标',
  withCheck: '同时判断达标',
  key: '配置项',
};
