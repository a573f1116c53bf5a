/** The delegates and the roster file: why a row or a field is refused. */
import type { ReasonText } from './text.js';

export const rosterReasons = {
  'delegate.not_found': { 'zh-CN': '代表不存在(编号 {id})', en: 'No such delegate (id {id})' },
  'delegate.badge_taken': {
    'zh-CN': '代表证号 {badge} 已被 {holder} 使用',
    en: 'Badge number {badge} is already used by {holder}',
  },
  'roster.invalid': {
    'zh-CN': '名单有 {count} 处问题,未导入任何代表',
    en: 'The roster has {count} problem(s): no delegate was imported',
  },
  'roster.no_header': {
    'zh-CN': '前 {rows} 行中找不到表头:表头行应至少包含两个可识别的列名,如「代表证号」「姓名」「性别」「代表团」',
    en: 'No header row in the first {rows} rows: a header names at least two known columns (badge number, name, gender, delegation)',
  },
  'roster.header_twice': {
    'zh-CN': '第 {row} 行表头中「{first}」与「{second}」都表示{field|field},请删除或改名其中一列',
    en: 'In the header (row {row}) “{first}” and “{second}” both mean {field|field}: delete or rename one of them',
  },
  'roster.column_missing': {
    'zh-CN': '缺少必需的列「{field|field}」(第 {row} 行为表头)',
    en: 'The required column “{field|field}” is missing (the header is row {row})',
  },
  'roster.too_many_rows': {
    'zh-CN': '名册共 {rows} 行数据,超过上限 {max} 行(从第 {row} 行起超出),请检查是否选错了文件',
    en: 'The roster has {rows} rows of data, more than the {max} allowed (from row {row}): is it the right file?',
  },
  'roster.cell_formula': {
    'zh-CN': '第 {row} 行「{column}」列是公式单元格无结果(「{value}」),请在 Excel 中重新计算并保存,或改为数值',
    en: 'Row {row}, column “{column}”: a formula without a result (“{value}”): recalculate and save it in Excel, or type the value',
  },
  'roster.cell_error': {
    'zh-CN': '第 {row} 行「{column}」列是错误值 {value},请改正该单元格',
    en: 'Row {row}, column “{column}”: the error value {value}; correct the cell',
  },
  'roster.cell_too_long': {
    'zh-CN': '第 {row} 行「{column}」列的内容长达 {length} 个字符,超过上限 {max}',
    en: 'Row {row}, column “{column}”: {length} characters, more than the {max} allowed',
  },
  'roster.badge_missing': {
    'zh-CN': '第 {row} 行「{column}」列缺少代表证号',
    en: 'Row {row}, column “{column}”: the badge number is missing',
  },
  'roster.name_missing': {
    'zh-CN': '第 {row} 行「{column}」列缺少姓名',
    en: 'Row {row}, column “{column}”: the name is missing',
  },
  'roster.gender_unknown': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是可识别的性别,应为「男」或「女」',
    en: 'Row {row}, column “{column}”: “{value}” is not a gender the roster knows (male or female)',
  },
  'roster.category_unknown': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是可识别的类别,应为「正式代表」「候补代表」或「列席」',
    en: 'Row {row}, column “{column}”: “{value}” is not a known category (delegate, alternate or non-voting)',
  },
  'roster.birth_date_invalid': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是有效的出生年月:{why|birth_fault}',
    en: 'Row {row}, column “{column}”: “{value}” is not a valid birth month: {why|birth_fault}',
  },
  'roster.birth_year_range': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是有效的出生年月:年份应在 1900–{max} 之间',
    en: 'Row {row}, column “{column}”: “{value}” is not a valid birth month: the year must be from 1900 to {max}',
  },
  'roster.value_too_long': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」共 {length} 个字符,超过上限 {max}',
    en: 'Row {row}, column “{column}”: “{value}” has {length} characters, more than the {max} allowed',
  },
  'roster.badge_repeated': {
    'zh-CN': '第 {row} 行「{column}」列的代表证号「{value}」重复:第 {first} 行与第 {row} 行',
    en: 'Row {row}, column “{column}”: badge number “{value}” repeats: rows {first} and {row}',
  },
  'roster.value_invalid': {
    'zh-CN': '第 {row} 行「{column}」列的值不符合要求:{detail}',
    en: 'Row {row}, column “{column}”: the value is not acceptable: {detail}',
  },
  'roster.file_empty': { 'zh-CN': '文件「{file}」是空的', en: 'The file “{file}” is empty' },
  'roster.file_too_big': {
    'zh-CN': '文件「{file}」有 {size} MB,超过名册文件上限 {max} MB,请检查是否选错了文件',
    en: 'The file “{file}” is {size} MB, more than the {max} MB a roster may be: is it the right file?',
  },
  'roster.file_xls': {
    'zh-CN': '不支持 .{ext},请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入(文件「{file}」)',
    en: '.{ext} is not supported: save it as .xlsx or .csv in Excel or WPS, then import (file “{file}”)',
  },
  'roster.file_type': {
    'zh-CN': '不支持的文件类型「{ext|file_ext}」(文件「{file}」),请选择 .xlsx 或 .csv 文件',
    en: 'Unsupported file type “{ext|file_ext}” (file “{file}”): choose an .xlsx or .csv file',
  },
  'roster.file_unreadable': {
    'zh-CN': '无法读取文件「{file}」:{detail}',
    en: 'Cannot read the file “{file}”: {detail}',
  },
  'roster.file_old_xls': {
    'zh-CN': '文件「{file}」实际是旧版 .xls 格式或设置了打开密码:不支持 .xls,请取消密码并另存为 .xlsx 或 .csv',
    en: 'The file “{file}” is really an old .xls or has an opening password: remove the password and save it as .xlsx or .csv',
  },
  'roster.file_not_xlsx': {
    'zh-CN': '文件「{file}」不是有效的 .xlsx 文件(内容不是 Excel 工作簿),请确认文件未损坏',
    en: 'The file “{file}” is not a valid .xlsx (its content is not an Excel workbook): check that it is not damaged',
  },
  'roster.file_damaged': {
    'zh-CN': '文件「{file}」已损坏,无法作为 .xlsx 打开({detail})',
    en: 'The file “{file}” is damaged and cannot be opened as .xlsx ({detail})',
  },
  'roster.file_no_sheet': {
    'zh-CN': '文件「{file}」中没有含数据的工作表',
    en: 'The file “{file}” has no sheet with data',
  },
  'roster.sheet_too_long': {
    'zh-CN': '工作表「{sheet}」有 {rows} 行,超过名册上限 {max} 行(第 {row} 行起超出)',
    en: 'The sheet “{sheet}” has {rows} rows, more than the {max} a roster may have (from row {row})',
  },
  'roster.file_binary': {
    'zh-CN': '文件「{file}」含有二进制内容,不是文本格式的 .csv 文件',
    en: 'The file “{file}” holds binary content: it is not a text .csv file',
  },
  'roster.csv_row_unreadable': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:{detail}',
    en: 'Row {row} of the file “{file}” cannot be read: {detail}',
  },
  'roster.csv_cell_too_long': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:一个单元格超过 {max} 个字符',
    en: 'Row {row} of the file “{file}” cannot be read: a cell has more than {max} characters',
  },
  'roster.csv_quote_open': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:引号未闭合',
    en: 'Row {row} of the file “{file}” cannot be read: a quote is not closed',
  },
  'roster.file_too_many_rows': {
    'zh-CN': '文件「{file}」超过名册上限 {max} 行(第 {row} 行起超出)',
    en: 'The file “{file}” has more than the {max} rows a roster may have (from row {row})',
  },
  'roster.badge_twice': { 'zh-CN': '代表证号 {badge} 重复', en: 'Badge number {badge} appears twice' },
  'roster.empty': {
    'zh-CN': '名单中没有代表,未导入任何代表',
    en: 'The roster lists no delegate: nothing was imported',
  },
} satisfies Record<string, ReasonText>;
