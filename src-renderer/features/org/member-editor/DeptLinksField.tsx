import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, InputNumber } from 'antd';
import type { DeptTree } from '../dept-tree-model';
import { DeptSelect } from '../DeptPicker';
import { departmentsError, type MemberFormValues } from './member-form';

/** 部门: the member's departments (1 to 20), each with its order and whether they lead it. */
export function DeptLinksField({ tree }: { tree: DeptTree | null }) {
  const deptName = (id: number) => tree?.byId.get(id)?.name;
  return (
    <Form.Item label="部门" required>
      <Form.List
        name="departments"
        rules={[
          {
            validator: (_, v: MemberFormValues['departments'] | undefined) => {
              // The domain's rules and words, as main checks them.
              const problem = departmentsError(v ?? [], deptName);
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="dept-links">
            {fields.map((field, i) => (
              <div key={field.key} className="dept-link-row" data-testid="dept-link">
                <Form.Item name={[field.name, 'departmentId']} noStyle>
                  <DeptSelect tree={tree} ariaLabel={`部门 ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'order']} noStyle>
                  {/* Labelled in sight: a bare number beside the department reads as nothing. */}
                  <InputNumber
                    aria-label="排序"
                    prefix="排序"
                    title="在该部门成员列表中的排序，数字大的排在前面"
                    min={0}
                    precision={0}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'isLeader']} valuePropName="checked" noStyle>
                  <Checkbox aria-label="部门负责人">部门负责人</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label="移除该部门"
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={fields.length >= 20}
              onClick={() => add({ departmentId: null, order: 0, isLeader: false })}
            >
              添加部门
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
