import { BankOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@yiwang/contracts';
import { Alert, Spin, Tag, Tree, Typography } from 'antd';
import type { Key, ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUnits, type OrgTree as TreeKind } from '../api/orgs.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

type Node = { key: string; title: ReactNode; isLeaf: boolean; icon: ReactNode; children?: Node[] };

export function UnitName({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const retired = Boolean(unit.retiredOn);
  return (
    <span className={retired ? 'org-retired' : undefined}>
      <span>{unit.name[lang]}</span>
      {unit.childCount > 0 && <Typography.Text type="secondary"> ({unit.childCount})</Typography.Text>}
      {retired && <Tag style={{ marginInlineStart: 8 }}>{t('orgs.retired')}</Tag>}
    </span>
  );
}

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

// childCount counts active units only: with retired ones shown, any node may still have some below it.
const toNode =
  (includeRetired: boolean) =>
  (u: OrgUnit): Node => ({
    key: u.id,
    title: <UnitName unit={u} />,
    isLeaf: u.childCount === 0 && !includeRetired,
    icon: u.kind === 'division' ? <EnvironmentOutlined /> : <BankOutlined />,
  });

type Props = {
  tree: TreeKind;
  includeRetired: boolean;
  selectedId?: string;
  onSelect: (id: string) => void;
  expandedKeys: Key[];
  onExpand: (keys: Key[]) => void;
};

/** One of the two trees, a level at a time: each node asks for its children when opened. */
export function OrgTree({ tree, includeRetired, selectedId, onSelect, expandedKeys, onExpand }: Props) {
  const { describe } = useProblemMessages();
  const [nodes, setNodes] = useState<Node[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    setNodes(undefined);
    setError(undefined);
    listUnits({ tree, includeRetired })
      .then((units) => live && setNodes(units.map(toNode(includeRetired))))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [tree, includeRetired]);
  const loadData = async (node: { key: Key; children?: unknown[] }) => {
    if (node.children) return;
    const units = await listUnits({ tree, includeRetired, parentId: String(node.key) });
    setNodes((current) => withChildren(current ?? [], String(node.key), units.map(toNode(includeRetired))));
  };
  if (error) return <Alert type="error" showIcon title={describe(error)} />;
  if (!nodes) return <Spin />;
  return (
    <div style={{ maxHeight: 640, overflow: 'auto' }}>
      <Tree
        showIcon
        blockNode
        treeData={nodes}
        loadData={loadData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => onExpand(keys)}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const [key] = keys;
          if (key !== undefined) onSelect(String(key));
        }}
      />
    </div>
  );
}
